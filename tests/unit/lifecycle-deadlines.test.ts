import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src-core/dates';
import { applyLifecycleEvent, contractDeadlines, formatDeadline, replayLifecycleEvents, type ContractLifecycle } from '../../src-core/lifecycle';
import { DEFAULT_RULE_SETTINGS } from '../../src-core/settings';

const active = replayLifecycleEvents([{ type: 'activate', date: '2026-11-16' }]);
const noticed = applyLifecycleEvent(active, { type: 'termination_notice_received', date: '2027-03-15', channel: 'registered_letter' });
const terminated = applyLifecycleEvent(noticed, { type: 'effective_date_reached', date: '2027-04-30' });

const lines = (lifecycle: ContractLifecycle, facts: Omit<Parameters<typeof contractDeadlines>[0], 'lifecycle'> = {}) =>
  contractDeadlines({ lifecycle, ...facts }).map(formatDeadline);

describe('contractDeadlines', () => {
  it('has none for a draft', () => {
    expect(contractDeadlines({ lifecycle: { status: 'draft' }, unpaidInvoices: [{ reference: 'F-2026-000001', dueDate: '2026-12-31' }] })).toEqual([]);
  });

  it('shows the termination and the end of non-solicitation as in DOMAIN.md', () => {
    expect(lines(noticed)).toEqual([
      'Résiliation effective le 30/04/2027 — fin du mois suivant la réception du préavis (§1)',
      'Fin de l’engagement de non-sollicitation le 30/04/2028 — douze mois après la date d’effet de la résiliation, au même quantième ou au dernier jour du mois s’il n’existe pas (art. 641 CPC) (§6.2)',
    ]);
    const [effective] = contractDeadlines({ lifecycle: noticed });
    expect(effective).toMatchObject({ kind: 'termination_effective', value: '2027-04-30', clause: '§1' });
  });

  it('presumes the receipt of a price change notice and lists its dates in order', () => {
    const items = contractDeadlines({ lifecycle: active, priceChangeNotices: [{ sentOn: '2026-10-31' }] });
    expect(items.map((d) => [d.kind, d.value])).toEqual([
      ['presumed_receipt', '2026-11-03'],
      ['price_change_objection_deadline', '2026-12-03'],
      ['price_change_objection_termination', '2027-01-31'],
      ['price_change_effective', '2027-02-01'],
    ]);
    expect(items[0]?.label).toBe('Réception présumée de l’avis de modification des prix');
    expect(items[0]?.clause).toBe('§5.2');
  });

  it('uses the known receipt and the date stated in the notice', () => {
    const items = contractDeadlines({ lifecycle: active, priceChangeNotices: [{ sentOn: '2026-10-31', receivedOn: '2026-11-02', newPricesFrom: '2027-03-01' }] });
    expect(items.map((d) => [d.kind, d.value])).toEqual([
      ['price_change_objection_deadline', '2026-12-02'],
      ['price_change_objection_termination', '2027-02-28'],
      ['price_change_effective', '2027-03-01'],
    ]);
    expect(items[2]?.rule).toContain('au plus tôt le 01/01/2027');
    expect(() => contractDeadlines({ lifecycle: active, priceChangeNotices: [{ sentOn: '2026-10-31', newPricesFrom: '2026-12-01' }] })).toThrow(/premier jour de mois/);
  });

  it('lists breach, force majeure and dunning dates', () => {
    const items = contractDeadlines(
      {
        lifecycle: active,
        breachNotices: [{ sentOn: '2026-11-02' }],
        forceMajeureStarts: ['2026-11-10'],
        unpaidInvoices: [{ reference: 'F-2026-000012', dueDate: '2026-12-01' }],
      },
      { ...DEFAULT_RULE_SETTINGS, presumedReceiptDays: 2 },
    );
    expect(items.map((d) => [d.kind, d.value])).toEqual([
      ['presumed_receipt', '2026-11-04'],
      ['breach_cure_deadline', '2026-12-04'],
      ['breach_termination_opens', '2026-12-05'],
      ['dunning_reminder', '2026-12-08'],
      ['force_majeure_termination_opens', '2026-12-10'],
      ['dunning_formal_notice', '2026-12-16'],
      ['dunning_termination_possible', '2026-12-31'],
    ]);
    expect(items.map(formatDeadline)).toContain(
      'Mise en demeure de payer la facture F-2026-000012 le 16/12/2026 — échéance du 01/12/2026 + 15 jours (§6.6)',
    );
    expect(items.find((d) => d.kind === 'presumed_receipt')?.clause).toBe('§6.6');
  });

  it('drops what would open a termination once the contract is terminated', () => {
    const items = contractDeadlines({
      lifecycle: terminated,
      breachNotices: [{ sentOn: '2027-03-01', receivedOn: '2027-03-02' }],
      forceMajeureStarts: ['2027-04-01'],
      priceChangeNotices: [{ sentOn: '2027-03-01' }],
      unpaidInvoices: [{ reference: 'F-2027-000004', dueDate: '2027-04-30' }],
    });
    expect(items.map((d) => d.kind)).toEqual(['termination_effective', 'dunning_reminder', 'dunning_formal_notice', 'non_solicitation_end']);
  });

  it('always comes sorted by date', () => {
    const day = fc.integer({ min: toDayNumber('2026-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.array(day, { maxLength: 4 }), fc.array(day, { maxLength: 4 }), fc.array(day, { maxLength: 4 }), (breaches, starts, dues) => {
        const items = contractDeadlines({
          lifecycle: noticed,
          breachNotices: breaches.map((sentOn) => ({ sentOn })),
          forceMajeureStarts: starts,
          unpaidInvoices: dues.map((dueDate, i) => ({ reference: `F-${i}`, dueDate })),
        });
        expect(items).toHaveLength(2 + 3 * breaches.length + starts.length + 3 * dues.length);
        for (let i = 1; i < items.length; i += 1) expect(items[i - 1]!.value <= items[i]!.value).toBe(true);
      }),
    );
  });
});
