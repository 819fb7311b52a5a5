import { addDays, toDayNumber, type IsoDate } from '../dates';
import { explainedMessage, type Explained } from '../explain';
import { message, refusalError } from '../messages';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../settings';
import { assertWholeCount } from '../calendar';

/**
 * Dunning of an unpaid invoice, counted from its due date (§6.6; day counts are
 * settings): reminder, formal notice to pay (mise en demeure), then termination
 * for non-payment becomes possible, effective on the letter's date. These are
 * dates from which the company acts, so they do not move to a business day.
 */
export type DunningStep = 'reminder' | 'formal_notice' | 'termination_possible';

export const DUNNING_STEP_LABELS: Record<DunningStep, string> = {
  reminder: 'Relance',
  formal_notice: 'Mise en demeure de payer',
  termination_possible: 'Résiliation pour défaut de paiement possible',
};

export type DunningSettings = Pick<RuleSettings, 'dunningReminderDays' | 'dunningFormalNoticeDays' | 'dunningTerminationDays'>;

export interface DunningDate extends Explained<IsoDate> {
  step: DunningStep;
}

const STEP_SETTING: Record<DunningStep, keyof DunningSettings> = {
  reminder: 'dunningReminderDays',
  formal_notice: 'dunningFormalNoticeDays',
  termination_possible: 'dunningTerminationDays',
};

function stepDays(step: DunningStep, settings: DunningSettings): number {
  return assertWholeCount(settings[STEP_SETTING[step]], { message: message('code.countWhat.dunningStep', { step: { word: `code.dunningStep.${step}` } }) });
}

const STEPS: readonly DunningStep[] = ['reminder', 'formal_notice', 'termination_possible'];

/** The three dunning dates of an invoice, in the order of the steps; settings must keep them after each other. */
export function dunningSchedule(dueDate: IsoDate, settings: DunningSettings = DEFAULT_RULE_SETTINGS): DunningDate[] {
  let previousDays = 0;
  return STEPS.map((step) => {
    const days = stepDays(step, settings);
    if (days <= previousDays) {
      throw refusalError('INVALID_INPUT', message('refusal.dunning.order', { step: { word: `code.dunningStep.${step}` }, days, previous: previousDays }));
    }
    previousDays = days;
    const rule = message(step === 'termination_possible' ? 'rule.dunning.terminationPossible' : 'rule.dunning.step', { due: { date: dueDate }, days });
    return { step, ...explainedMessage(addDays(dueDate, days), '§6.6', rule) };
  });
}

/** The date from which termination for non-payment of an invoice is possible (§6.6). */
export function nonPaymentTerminationOpensOn(dueDate: IsoDate, settings: DunningSettings = DEFAULT_RULE_SETTINGS): IsoDate {
  return addDays(dueDate, stepDays('termination_possible', settings));
}

/** The latest step reached on `today` for an invoice still unpaid, or null before the reminder date. */
export function dunningStepOn(dueDate: IsoDate, today: IsoDate, settings: DunningSettings = DEFAULT_RULE_SETTINGS): DunningStep | null {
  const day = toDayNumber(today);
  const reached = dunningSchedule(dueDate, settings).filter((d) => toDayNumber(d.value) <= day);
  return reached.at(-1)?.step ?? null;
}
