import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../src-core';

const TONE: Record<ContractStatus, string> = {
  draft: '',
  active: 'ok',
  notice_received: 'warning',
  suspended: 'danger',
  terminated: '',
};

/** Labels come from src-core/lifecycle, so the badge says exactly what letters and exports say. */
export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return <span className={`badge ${TONE[status]}`.trim()}>{CONTRACT_STATUS_LABELS[status]}</span>;
}
