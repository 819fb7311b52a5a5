import { useId } from 'react';
import type { DocumentKind } from '../../../src-core';
import { useDataLayer } from '../../data';
import { setIssueSeriesChoice, useIssueSeries, type IssueSeriesChoice } from '../../data/invoicing';
import { useT } from '../../i18n';
import { useConnectedEngine } from '../../sync/session';

/**
 * Before a document is issued: the series it will take and its number. Signed
 * in, where a draft is issued (`choosable`), the account manager chooses
 * between the central series — the server gives the number — and the
 * laptop's own series; the choice is remembered on this laptop. Otherwise the
 * laptop's series granted by the central API, or the standalone one (which
 * the central API will refuse once this laptop signs in).
 */
export function NextNumberNotice({ kind, choosable = false }: { kind: DocumentKind; choosable?: boolean }) {
  const t = useT();
  const { ctx } = useDataLayer();
  const name = useId();
  const series = useIssueSeries(kind);
  const engine = useConnectedEngine();
  if (!series) return null;
  const { device, central, choice } = series;
  const deviceText = t(device.granted ? 'numbering.next' : 'numbering.next.notGranted', { series: device.series, number: device.number });
  if (!choosable || !engine) {
    return <p className="muted" data-testid="next-number">{deviceText}</p>;
  }
  const choose = (value: IssueSeriesChoice) => void setIssueSeriesChoice(ctx, value);
  return (
    <fieldset className="series-choice" data-testid="next-number">
      <legend>{t('issueSeries.legend')}</legend>
      <label>
        <input type="radio" name={name} value="central" checked={choice === 'central'} onChange={() => choose('central')} />{' '}
        {t(central.known ? 'issueSeries.central' : 'issueSeries.centralFirst', { series: central.series, number: central.number })}
      </label>
      <label>
        <input type="radio" name={name} value="device" checked={choice === 'device'} onChange={() => choose('device')} />{' '}
        {deviceText}
      </label>
      {choice === 'central' ? <p className="muted">{t('issueSeries.centralHint')}</p> : null}
    </fieldset>
  );
}

/** After the central API could not be reached with nothing sent: the laptop's own series, with the number the document will take there. */
export function DeviceSeriesFallback({ kind, busy, onIssue }: { kind: DocumentKind; busy: boolean; onIssue: () => void }) {
  const t = useT();
  const series = useIssueSeries(kind);
  if (!series) return null;
  return (
    <button type="button" className="button" disabled={busy} onClick={onIssue}>
      {t('issueSeries.fallback', { number: series.device.number })}
    </button>
  );
}
