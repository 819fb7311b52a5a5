import type { DocumentKind } from '../../../src-core';
import { useNextDocumentNumber } from '../../data/invoicing';
import { useT } from '../../i18n';

/**
 * Before a document is issued: the series it will take and its number — the
 * laptop's own series granted by the central API, or the standalone one
 * (which the central API will refuse once this laptop signs in).
 */
export function NextNumberNotice({ kind }: { kind: DocumentKind }) {
  const t = useT();
  const next = useNextDocumentNumber(kind);
  if (!next) return null;
  return (
    <p className="muted" data-testid="next-number">
      {t(next.granted ? 'numbering.next' : 'numbering.next.notGranted', { series: next.series, number: next.number })}
    </p>
  );
}
