import { useT } from '../../i18n';

/**
 * The laptop's series, shown, never typed: standalone it numbers
 * `F-AAAA-NNNNNN`; once signed in to the central API, which grants it a
 * device code, `F-AAAA-<code>-NNNN` (DOMAIN.md, Numbering). A typed code would
 * be one the server never granted, and every document numbered with it refused.
 */
export function DeviceSeries({ code }: { code: string | null }) {
  const t = useT();
  return (
    <section className="form settings-form" aria-labelledby="series-title">
      <h2 id="series-title">{t('settings.series.title')}</h2>
      <p className="muted">{t('settings.series.body')}</p>
      <p role="status">{code ? t('numbering.deviceCode.granted', { code }) : t('numbering.deviceCode.standalone')}</p>
    </section>
  );
}
