import { describeMoves, receiptCorrectionDue, type Letter, type RuleSettings } from '../../../src-core';
import { useCommand } from '../../components/useCommand';
import { useDataLayer } from '../../data';
import { draftReceiptCorrection } from '../../data/letters-flow';
import { useT, useFormat, useSay } from '../../i18n';
import { navigate } from '../../components/router';
import { currentActor } from '../../components/actor';

/**
 * A received letter whose acknowledged receipt moved dates it printed
 * (DOMAIN.md): says which, and drafts the corrective letter in one command.
 */
export function ReceiptCorrection({ letter, contractLetters, rules, run }: { letter: Letter; contractLetters: readonly Letter[]; rules: RuleSettings; run: (action: () => Promise<unknown>) => Promise<void> }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const { ctx } = useDataLayer();
  const command = useCommand();
  const due = receiptCorrectionDue(letter, contractLetters, rules);
  if (!due) return null;
  const write = () =>
    void command.run((commandId) =>
      run(async () => {
        const draft = await draftReceiptCorrection(ctx, letter.id, currentActor(), commandId);
        navigate(`/courriers/${draft.id}`);
      }),
    );
  return (
    <div className="alert warning" role="status" data-testid="receipt-correction">
      <p>{t('letters.correction.due', { date: fmt.date(due.receivedOn), presumed: fmt.date(due.presumedOn), moves: describeMoves(due).map(say).join(' ; ') })}</p>
      {due.warning ? <p>{say(due.warningMessage ?? due.warning)}</p> : null}
      <button type="button" className="button primary" disabled={command.busy} onClick={write}>{t('letters.correction.write')}</button>
    </div>
  );
}

/** While a receipt date is typed: the printed dates it would move, before it is recorded. */
export function ReceiptMovesWarning({ moves }: { moves: string }) {
  const t = useT();
  return <p className="alert warning" role="status" data-testid="receipt-moves">{t('letters.receipt.moves', { moves })}</p>;
}
