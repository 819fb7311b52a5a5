import type { z } from 'zod';

/**
 * A fast test for records that are valid as they stand: true only when the
 * schema would accept the value and give it back unchanged (nothing trimmed,
 * normalised, rewritten or stripped), so a caller may keep the value and skip
 * zod's parse. False says nothing: the caller parses, and zod refuses or
 * rewrites with its words. Why: a first load validates 130,000 records on
 * the thread that stores them, and zod's generic machinery costs 15 µs an
 * invoice there (more without `eval`, which the app's CSP forbids), far more
 * than the checks themselves.
 *
 * The test is compiled from the schema's own definition, so a rule added to
 * a schema is tested here too; what the compiler does not know (a check it
 * cannot see into, a union other than of literals, a record, a default…)
 * compiles to "false", never to "true". The checks written as functions of
 * zod's payload (text, identifiers, cross-field rules) say what they accept
 * with `standsWhen` and `crossChecked`. tests/unit/model-as-it-stands.test.ts
 * holds it to zod's answer on thousands of mutated records.
 */
export type StandsTest = (value: unknown) => boolean;

/** The tests of checks zod runs as opaque functions, by check. */
const opaque = new WeakMap<object, StandsTest>();

/** `schema` with `test` told as what its last check (a `.check(fn)` or `.superRefine(fn)`) accepts unchanged. */
export function standsWhen<S extends z.ZodType>(schema: S, test: StandsTest): S {
  const checks = schema._zod.def.checks;
  const last = checks?.[checks.length - 1];
  if (!last) throw new Error('standsWhen: the schema has no check');
  opaque.set(last, test);
  return schema;
}

/**
 * `schema.superRefine(refine)`, its test told: the rule run on the value with
 * a context that only notes an issue (the rules of src-core/model use no
 * other part of it).
 */
export function crossChecked<S extends z.ZodType>(schema: S, refine: (value: z.output<S>, ctx: z.RefinementCtx<z.output<S>>) => void): S {
  return standsWhen(schema.superRefine(refine) as unknown as S, (value) => {
    let accepted = true;
    refine(value as z.output<S>, { addIssue: () => void (accepted = false) } as unknown as z.RefinementCtx<z.output<S>>);
    return accepted;
  });
}

const compiled = new WeakMap<object, StandsTest>();

/** The test of `schema` (compiled once). */
export function standsTest(schema: z.ZodType): StandsTest {
  let test = compiled.get(schema);
  if (!test) compiled.set(schema, (test = compile(schema)));
  return test;
}

const NEVER: StandsTest = () => false;

interface Def {
  type: string;
  checks?: readonly { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  pattern?: RegExp;
  check?: string;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
  tx?: (value: unknown) => unknown;
}

function compile(schema: z.ZodType): StandsTest {
  const def = schema._zod.def as unknown as Def;
  if (def.coerce) return NEVER;
  const checks = checksOf(schema, def);
  if (!checks) return NEVER;
  const base = baseTest(schema, def);
  if (!base) return NEVER;
  if (checks.length === 0) return base;
  // A loop, no closure made per value: a first load runs this a million times.
  return (value) => {
    if (!base(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

/** The type's own test, without its checks; undefined for a type the compiler does not know. */
function baseTest(schema: z.ZodType, def: Def): StandsTest | undefined {
  switch (def.type) {
    case 'string':
      // z.iso.datetime and its kin are a string and their own format check (their pattern).
      if (def.check === 'string_format') return def.pattern ? (v) => typeof v === 'string' && matches(def.pattern!, v) : undefined;
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'enum':
    case 'literal': {
      const values = (schema._zod as { values?: Set<unknown> }).values;
      return values && ((v) => values.has(v));
    }
    case 'nullable': {
      const inner = standsTest(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = standsTest(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const element = standsTest(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return false;
        // An index loop: `every` would skip the holes of a sparse array, which zod reads as undefined.
        for (let i = 0; i < v.length; i++) if (v[i] === undefined || !element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return objectTest(def);
    // A choice of literals (`z.union([z.literal(8), z.literal(4)])`): one of their values; other unions are not told.
    case 'union': {
      const options = def.options!.map((option) => option._zod as { def: { type: string }; values?: Set<unknown> });
      if (!options.every((option) => option.def.type === 'literal' && option.values)) return undefined;
      const values = new Set(options.flatMap((option) => [...option.values!]));
      return (v) => values.has(v);
    }
    default:
      return undefined;
  }
}

/**
 * A plain object holding the shape's keys and no other (a strict object
 * refuses others, a stripping one would drop them: not as it stands), an
 * optional key absent or set, never set to undefined.
 */
function objectTest(def: Def): StandsTest | undefined {
  if (def.catchall && def.catchall._zod.def.type !== 'never') return undefined;
  const fields = Object.entries(def.shape!).map(([key, field]) => ({ key, optional: field._zod.optin === 'optional', test: standsTest(field) }));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    const record = v as Record<string, unknown>;
    let set = 0;
    for (const { key, optional, test } of fields) {
      const value = record[key];
      if (value === undefined) {
        if (!optional) return false;
      } else if (!test(value)) return false;
      else set++;
    }
    // As many keys as fields set: no other key, none set to undefined, none inherited (counted without making the list).
    let keys = 0;
    for (const _key in record) keys++;
    return keys === set;
  };
}

/** The tests of the schema's checks; undefined when one cannot be told. */
function checksOf(schema: z.ZodType, def: Def): StandsTest[] | undefined {
  const tests: StandsTest[] = [];
  for (const check of def.checks ?? []) {
    // A string format schema lists itself among its checks: its base test has it.
    if ((check as unknown) === schema) continue;
    const test = opaque.get(check) ?? checkTest(check._zod.def);
    if (!test) return undefined;
    tests.push(test);
  }
  return tests;
}

function checkTest(c: CheckDef): StandsTest | undefined {
  switch (c.check) {
    case 'min_length':
      return (v) => (v as { length: number }).length >= c.minimum!;
    case 'max_length':
      return (v) => (v as { length: number }).length <= c.maximum!;
    case 'length_equals':
      return (v) => (v as { length: number }).length === c.length!;
    case 'greater_than':
      return c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!;
    case 'less_than':
      return c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!;
    case 'number_format':
      return c.format === 'safeint' ? (v) => Number.isSafeInteger(v) : undefined;
    case 'string_format':
      return c.format === 'regex' && c.pattern ? (v) => matches(c.pattern!, v as string) : undefined;
    // A rewrite keeps the value as it stands when it gives it back unchanged.
    case 'overwrite':
      return c.tx && ((v) => c.tx!(v) === v);
    // A refinement (`.refine(fn)`) holds when its function says true (an asynchronous one is not told here).
    case 'custom':
      return c.fn && ((v) => c.fn!(v) === true);
    default:
      return undefined;
  }
}

/** As zod tests a pattern: from the start of the text, whatever the pattern's flags. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
