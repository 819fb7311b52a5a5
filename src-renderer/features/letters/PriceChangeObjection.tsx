import { useState } from 'react';
import { isValidIsoDate, type IsoDate, type Letter } from '../../../src-core';
import { useDataLayer } from '../../data';
import { recordPriceChangeObjection } from '../../data/letters-flow';
import { TextField } from '../../components/FormField';
import { currentActor } from '../../components/actor';
import { useCommand } from '../../components/useCommand';
import { useT } from '../../i18n';

/**
 * The client's objection to a price change notice (§5.2), recorded on the
 * notice it answers: in time, it terminates the contract the day before the
 * new prices apply; late, it is refused and nothing changes.
 */
export function PriceChangeObjection({ letter, today, run }: { letter: Letter; today: IsoDate; run: (action: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const { ctx } = useDataLayer();
  const [receivedOn, setReceivedOn] = useState<string>(today);
  const valid = isValidIsoDate(receivedOn);
  // One objection per intent: a second click while it is recorded does nothing.
  const command = useCommand();
  return (
    <section className="card" aria-labelledby="objection-title">
      <h2 id="objection-title">{t('life.objection.title')}</h2>
      <p className="muted">{t('life.objection.note')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void command.run(() => run(() => recordPriceChangeObjection(ctx, letter.id, receivedOn, currentActor())));
        }}
      >
        <TextField label={t('life.objection.receivedOn')} type="date" value={receivedOn} max={today} onChange={(e) => setReceivedOn(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={!valid || command.busy}>{t('life.objection.record')}</button>
        </div>
      </form>
    </section>
  );
}
