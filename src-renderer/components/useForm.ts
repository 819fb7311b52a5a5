import { useState } from 'react';
import { ValidationError, type FieldIssue, type Message } from '../../src-core';
import { useSay } from '../i18n';

/**
 * Form state with validation by a src-core schema. The whole input is checked
 * on every change (cross-field rules such as "the VAT number contains the
 * SIREN" need it), but a field's error only shows once the field was left or
 * the form was submitted, so nobody is scolded while still typing.
 */
export type FieldErrors<K extends string> = Partial<Record<K, Message | string>>;

/** Turns src-core issues into one message per form field (its code when it has one); `fieldOf` maps an issue path ("contact.email") to a field. */
export function errorsByField<K extends string>(issues: readonly FieldIssue[], fieldOf: (path: string) => K | undefined): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = issue.said ?? issue.message;
  }
  return errors;
}

/** Runs a src-core check and returns its field issues (none when it passes). */
export function issuesOf(check: () => unknown): FieldIssue[] {
  try {
    check();
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
}

export function useForm<V extends Record<string, string | boolean>>(initial: V, validate: (values: V) => FieldErrors<Extract<keyof V, string>>) {
  type K = Extract<keyof V, string>;
  const [values, setValues] = useState(initial);
  // `initial` is recomputed from what is stored at each render: the form is dirty (unsaved changes to warn about) while a value differs from it.
  const dirty = Object.keys(initial).some((k) => initial[k] !== values[k]);
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // Said in the interface's language: src-core's issues are codes, a form's own checks words already.
  const say = useSay();
  const errors = Object.fromEntries(Object.entries(validate(values)).map(([k, e]) => [k, say(e as Message | string)])) as Partial<Record<K, string>>;
  const valid = Object.keys(errors).length === 0;

  /** Props for a text input or select bound to `name`, with its visible error. */
  const bind = (name: K) => ({
    name,
    value: String(values[name]),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    onBlur: () => setTouched((t) => ({ ...t, [name]: true })),
    error: submitted || touched[name] ? errors[name] : undefined,
  });
  const set = <N extends K>(name: N, value: V[N]) => setValues((v) => ({ ...v, [name]: value }));

  /** Marks the form submitted; when invalid, moves focus to the first field in error and returns false. */
  const trySubmit = (form: HTMLFormElement | null): boolean => {
    setSubmitted(true);
    if (valid) return true;
    // The first field in error in the page's order, not in the schema's.
    const controls = Array.from(form?.elements ?? []) as HTMLInputElement[];
    controls.find((c) => c.name in errors)?.focus();
    return false;
  };
  return { values, errors, valid, submitted, dirty, bind, set, trySubmit };
}
