import { useEffect, useRef, useState } from 'react';
import {
  addMonthsToYearMonth, overLimitLines, planTierChange, yearMonthOf,
  type Contract, type IsoDate, type OverConsumption, type PriceLists, type TierChangePlan, type TierCode,
} from '../../../src-core';
import { applyTierChangeWithNotice, useDataLayer } from '../../data';
import { useSayError, useT, useFormat } from '../../i18n';
import { currentActor } from '../../components/actor';
import { useCommand } from '../../components/useCommand';

/** The proposed date, and the first of next month as the non-retroactive alternative when it is past. */
function choices(contract: Contract, tier: TierCode, proposedMonth: string, today: IsoDate, lists: PriceLists): TierChangePlan[] {
  const proposed = planTierChange(contract, tier, proposedMonth, today, lists);
  if (!proposed.retroactive) return [proposed];
  const next = addMonthsToYearMonth(yearMonthOf(today), 1);
  try {
    return [planTierChange(contract, tier, next, today, lists), proposed];
  } catch {
    return [proposed];
  }
}

/**
 * Confirmation of a tier change (DOMAIN.md: confirmation first, never
 * retroactive without saying so): the date, the prices before and after and
 * the monthly difference; a past date is a separate, explicit choice. On
 * confirmation the change and its notice (a draft letter) are written together.
 */
export function TierChangeDialog({ contract, over, lists, today, onClose }: { contract: Contract; over: OverConsumption; lists: PriceLists; today: IsoDate; onClose: () => void }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const ref = useRef<HTMLDialogElement>(null);
  const proposal = over.proposedSwitch!;
  const tier = proposal.tierId as TierCode;
  const [error, setError] = useState<string | null>(null);
  const command = useCommand();
  let plans: TierChangePlan[] = [];
  let planError: string | null = null;
  try {
    plans = choices(contract, tier, proposal.from.value.slice(0, 7), today, lists);
  } catch (e) {
    planError = sayError(e);
  }
  const [chosen, setChosen] = useState(0);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  const plan = plans[chosen];

  // One command per opened dialog: a second click does nothing, a second submit of the same intent writes nothing.
  const confirm = () => {
    const supplement = over.supplement;
    if (!plan || !supplement) return;
    void command.run(async (commandId) => {
      try {
        await applyTierChangeWithNotice(
          ctx,
          { contractId: contract.id, toTier: tier, fromMonth: plan.fromMonth, retroactive: plan.retroactive, overrun: { month: over.month, overLimits: overLimitLines(over), supplementCents: supplement.amount.value } },
          currentActor(),
          commandId,
        );
        ref.current?.close();
      } catch (e) {
        setError(sayError(e));
      }
    });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="tier-change-title" onClose={onClose}>
      <h2 id="tier-change-title">{t('life.tierChange.title', { reference: contract.reference })}</h2>
      {planError ? <p role="alert" className="field-error">{planError}</p> : null}
      {plans.length > 1 ? (
        <fieldset>
          <legend>{t('life.tierChange.when')}</legend>
          {plans.map((p, i) => (
            <label key={p.fromMonth} className="radio-field">
              <input type="radio" name="tier-change-date" checked={chosen === i} onChange={() => setChosen(i)} />{' '}
              {p.retroactive ? t('life.tierChange.retroactive', { date: fmt.date(p.from), today: fmt.date(today) }) : t('life.tierChange.from', { date: fmt.date(p.from) })}
            </label>
          ))}
        </fieldset>
      ) : null}
      {plan ? (
        <dl className="facts" data-testid="tier-change-plan">
          <dt>{t('life.tierChange.date')}</dt>
          <dd>{fmt.date(plan.from)}{plan.retroactive ? ` — ${t('life.tierChange.past')}` : ''}</dd>
          <dt>{t('life.tierChange.prices')}</dt>
          <dd>{t('life.tierChange.pricesValue', { from: plan.fromTier, fromPrice: fmt.money(plan.currentPriceCents), to: plan.toTier, toPrice: fmt.money(plan.newPriceCents) })}</dd>
          <dt>{t('life.tierChange.difference')}</dt>
          <dd>{`${plan.differenceCents >= 0 ? '+' : '−'}${fmt.money(Math.abs(plan.differenceCents))}`} {t('life.tierChange.perMonth')}</dd>
        </dl>
      ) : null}
      <p className="muted">{t('life.tierChange.letter')}</p>
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={!plan || command.busy} onClick={confirm}>
          {plan ? t('life.tierChange.confirm', { date: fmt.date(plan.from) }) : t('life.tierChange.confirmDisabled')}
        </button>
        <button type="button" className="button" onClick={() => ref.current?.close()}>{t('life.tierChange.cancel')}</button>
      </div>
    </dialog>
  );
}
