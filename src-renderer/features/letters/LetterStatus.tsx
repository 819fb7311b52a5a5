import { type LetterStatus } from '../../../src-core';
import { useT } from '../../i18n';

const TONE: Record<LetterStatus, string> = { draft: '', printed: '', sent: 'warning', received: 'ok', returned: 'danger' };

/** The status code from src-core in the interface's language (French: the words of the client-file export). */
export function LetterStatusBadge({ status }: { status: LetterStatus }) {
  const t = useT();
  return <span className={`badge ${TONE[status]}`.trim()}>{t(`code.letterStatus.${status}`)}</span>;
}

const PATH: readonly LetterStatus[] = ['draft', 'printed', 'sent', 'received'];

/** The letter's way as numbered steps; a returned letter ends at "Retournée" instead of "Reçue". */
export function LetterSteps({ status }: { status: LetterStatus }) {
  const t = useT();
  const steps = status === 'returned' ? [...PATH.slice(0, 3), 'returned' as const] : PATH;
  const current = steps.indexOf(status);
  return (
    <ol className="letter-steps" aria-label={t('letters.steps')}>
      {steps.map((step, i) => (
        <li key={step} data-done={i < current ? 'true' : undefined} aria-current={i === current ? 'step' : undefined}>
          <span className="letter-step-number" aria-hidden="true">{i < current ? '✓' : i + 1}</span>
          {t(`code.letterStatus.${step}`)}
        </li>
      ))}
    </ol>
  );
}
