import { type ContractStatus } from '../../src-core';
import { useT } from '../i18n';

const TONE: Record<ContractStatus, string> = {
  draft: '',
  active: 'ok',
  notice_received: 'warning',
  suspended: 'danger',
  terminated: '',
};

/** The status code from src-core/lifecycle, in the interface's language (French: the words letters and exports use). */
export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const t = useT();
  return <span className={`badge ${TONE[status]}`.trim()}>{t(`code.contractStatus.${status}`)}</span>;
}
