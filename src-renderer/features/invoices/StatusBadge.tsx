import type { DocumentStatus } from '../../data/invoicing';
import { useT, type MessageKey } from '../../i18n';

const LOOK: Record<DocumentStatus, { tone: string; label: MessageKey }> = {
  draft: { tone: '', label: 'invoices.status.draft' },
  issued: { tone: '', label: 'invoices.status.issued' },
  partly_paid: { tone: 'warning', label: 'invoices.status.partly_paid' },
  paid: { tone: 'ok', label: 'invoices.status.paid' },
  overdue: { tone: 'danger', label: 'invoices.status.overdue' },
  credited: { tone: '', label: 'invoices.status.credited' },
};

export const STATUS_ORDER: readonly DocumentStatus[] = ['draft', 'issued', 'partly_paid', 'paid', 'overdue', 'credited'];

export function statusLabel(t: ReturnType<typeof useT>, status: DocumentStatus): string {
  return t(LOOK[status].label);
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const t = useT();
  return <span className={`badge ${LOOK[status].tone}`.trim()}>{statusLabel(t, status)}</span>;
}
