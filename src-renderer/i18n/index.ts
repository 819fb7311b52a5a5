import { useCallback } from 'react';
import { usePreferences } from '../state/preferences';
import { DEFAULT_ENVELOPE_MODELS, type EnvelopeModel, type Explained, type Message, type MessageParam } from '../../src-core';
import { formatNumber, translate, translateMessage, type Locale, type MessageKey } from './translate';
import { formatsFor, type Formats } from './format';

export { translate, type Locale, type MessageKey } from './translate';
export { formatsFor, type Formats } from './format';

export function useT(): (key: MessageKey, params?: Record<string, MessageParam>) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

/** Numbers shown on their own ("10 000 clients" as a figure): grouped as the interface's language does. */
export function useNumber(): (n: number) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback((n) => formatNumber(locale, n), [locale]);
}

/** The interface's language, for what Intl names itself (countries). */
export function useLocale(): Locale {
  return usePreferences((s) => s.locale);
}

/** Amounts, numbers and dates as the interface's language writes them (`./format`): "1 234,56 €" / "€1,234.56". */
export function useFormat(): Formats {
  return formatsFor(usePreferences((s) => s.locale));
}

/**
 * What src-core explains, in the interface's language: a message, or an
 * explained value (its message when src-core gave one; otherwise its French
 * rule, as stored texts and documents keep it), or a stored French text as is.
 */
export function useSay(): (said: Message | string | Pick<Explained<unknown>, 'rule' | 'message'>) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback(
    (said) => (typeof said === 'string' ? said : 'code' in said ? translateMessage(locale, said) : said.message ? translateMessage(locale, said.message) : said.rule),
    [locale],
  );
}

/**
 * What an action's failure says, in the interface's language: in French its
 * own text; otherwise a failure carrying its message code (`said`: a refusal
 * of src-core or the data layer, a refused input naming each field, the
 * central server's refusal, a sync failure) by that code, any other error by
 * its own text.
 */
export function useSayError(): (error: unknown) => string {
  const locale = usePreferences((s) => s.locale);
  return useCallback(
    (error) => {
      if (!(error instanceof Error)) return String(error);
      const said = (error as { said?: Message }).said;
      return locale !== 'fr' && said ? translateMessage(locale, said) : error.message;
    },
    [locale],
  );
}

/** Where a saved file went: its path, or the browser's downloads folder named in the interface's language (then the file's name). */
export function useSavedLocation(): (saved: { location?: string | undefined; inDownloads?: boolean | undefined }) => string {
  const t = useT();
  return useCallback(({ location, inDownloads }) => (inDownloads ? [t('platform.downloads'), ...(location ? [location] : [])].join('/') : (location ?? '')), [t]);
}

/** An envelope model's name: the built-in ones (DL, C5) in the interface's language, a stored one as it was named. */
export function useEnvelopeName(): (model: Pick<EnvelopeModel, 'id' | 'label'>) => string {
  const t = useT();
  return useCallback(
    (model) => (DEFAULT_ENVELOPE_MODELS.some((d) => d.id === model.id && d.label === model.label) ? t(`code.envelope.${model.id}` as MessageKey) : model.label),
    [t],
  );
}
