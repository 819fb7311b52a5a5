import { useState, type FormEvent } from 'react';
import { datesMovedByReceipt, describeMoves, isValidIsoDate, type IsoDate, type Letter, type LetterStep, type RuleSettings } from '../../../src-core';
import { TextField } from '../../components/FormField';
import { useCommand } from '../../components/useCommand';
import { useDataLayer } from '../../data';
import { advanceLetter } from '../../data/letters-flow';
import { useSay, useT } from '../../i18n';
import { currentActor } from '../../components/actor';
import { ReceiptMovesWarning } from './ReceiptCorrection';

/**
 * The action the letter's status calls for: print a draft, record the sending
 * of a printed letter, the acknowledgement (or the return) of a sent one, or
 * correct a receipt date. Refusals come from src-core, in French.
 */
export function LetterStepForms({ letter, today, rules, onPrint, run }: { letter: Letter; today: IsoDate; rules: RuleSettings; onPrint: () => Promise<void>; run: (action: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const say = useSay();
  const { ctx } = useDataLayer();
  const [sentOn, setSentOn] = useState(today);
  const [registeredNumber, setRegisteredNumber] = useState('');
  const [receivedOn, setReceivedOn] = useState(letter.receivedOn ?? today);
  // One step at a time: a second click while one runs does nothing, and a step repeated with the same values writes nothing.
  const command = useCommand();
  const guarded = (action: () => Promise<unknown>) => void command.run(() => run(action));
  const step = (s: LetterStep) => guarded(() => advanceLetter(ctx, letter.id, s, currentActor()));
  const submit = (s: LetterStep) => (e: FormEvent) => {
    e.preventDefault();
    step(s);
  };

  // Warned before it is recorded (once recorded, the letter's page offers the correction): a receipt other than the presumed one moves the dates the letter printed.
  const move = letter.sentOn && receivedOn !== letter.receivedOn && isValidIsoDate(receivedOn) && receivedOn >= letter.sentOn ? datesMovedByReceipt(letter, letter.sentOn, receivedOn, rules) : null;

  switch (letter.status) {
    case 'draft':
      return (
        <div className="letter-actions">
          <p>{t('letters.step.draft')}</p>
          <button type="button" className="button primary" disabled={command.busy} onClick={() => guarded(async () => { await onPrint(); await advanceLetter(ctx, letter.id, { type: 'print' }, currentActor()); })}>
            {t('letters.printAndMark')}
          </button>
          <button type="button" className="button" disabled={command.busy} onClick={() => step({ type: 'print' })}>
            {t('letters.markPrinted')}
          </button>
        </div>
      );
    case 'printed':
      return (
        <form className="form" onSubmit={submit({ type: 'send', sentOn, registeredNumber })}>
          <p>{t('letters.step.printed')}</p>
          <TextField label={t('letters.field.sentOn')} type="date" value={sentOn} max={today} required onChange={(e) => setSentOn(e.target.value)} />
          <TextField label={t('letters.field.registeredNumber')} hint={t('letters.hint.registered')} value={registeredNumber} required onChange={(e) => setRegisteredNumber(e.target.value)} />
          <button type="submit" className="button primary" disabled={command.busy}>{t('letters.markSent')}</button>
        </form>
      );
    case 'sent':
    case 'received':
      return (
        <form className="form" onSubmit={submit({ type: 'receive', receivedOn })}>
          <p>{letter.status === 'sent' ? t('letters.step.sent') : t('letters.step.received')}</p>
          <TextField label={t('letters.field.receivedOn')} type="date" value={receivedOn} max={today} required onChange={(e) => setReceivedOn(e.target.value)} />
          {move && move.moved.length > 0 ? <ReceiptMovesWarning moves={describeMoves(move).map(say).join(' ; ')} /> : null}
          <div className="letter-actions">
            <button type="submit" className="button primary" disabled={command.busy}>{letter.status === 'sent' ? t('letters.markReceived') : t('letters.correctReceipt')}</button>
            {letter.status === 'sent' ? (
              <button type="button" className="button danger" disabled={command.busy} onClick={() => step({ type: 'return' })}>
                {t('letters.markReturned')}
              </button>
            ) : null}
          </div>
        </form>
      );
    case 'returned':
      return <p>{t('letters.step.returned')}</p>;
  }
}
