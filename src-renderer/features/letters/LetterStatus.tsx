import { LETTER_STATUS_LABELS, type LetterStatus } from '../../../src-core';
import { useT } from '../../i18n';

const TONE: Record<LetterStatus, string> = { draft: '', printed: '', sent: 'warning', received: 'ok', returned: 'danger' };

/** Labels come from src-core, so the badge says what the client-file export says. */
export function LetterStatusBadge({ status }: { status: LetterStatus }) {
  return <span className={`badge ${TONE[status]}`.trim()}>{LETTER_STATUS_LABELS[status]}</span>;
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
          {LETTER_STATUS_LABELS[step]}
        </li>
      ))}
    </ol>
  );
}
