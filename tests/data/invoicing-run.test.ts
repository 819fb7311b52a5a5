import { describe, expect, it } from 'vitest';
import { messageFr, OUTSIDE_EU_MENTION, REVERSE_CHARGE_MENTION } from '../../src-core';
import { createMonthlyDrafts, planMonthlyRun } from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

type Data = Awaited<ReturnType<typeof openTestData>>;

const FOREIGN = {
  contact: CLIENT_INPUT.contact,
  hostingMode: 'cloud' as const,
};

/** A small portfolio covering the run's cases: proration, supplement, hors grille, the four VAT regimes. */
export async function portfolio(data: Data) {
  const { commands } = data;
  const french = await commands.clients.create(CLIENT_INPUT, ACTOR);
  const german = await commands.clients.create({ ...FOREIGN, legalName: 'Bäckerei Müller GmbH', country: 'DE', vatNumber: 'DE123456789', billingAddress: { lines: ['Hauptstraße 1'], postalCode: '10115', city: 'Berlin' } }, ACTOR);
  const swiss = await commands.clients.create({ ...FOREIGN, legalName: 'Horlogerie Favre SA', country: 'CH', billingAddress: { lines: ['Rue du Rhône 5'], postalCode: '1204', city: 'Genève' } }, ACTOR);
  const belgianNoVat = await commands.clients.create({ ...FOREIGN, legalName: 'Brasserie Dupont SRL', country: 'BE', billingAddress: { lines: ['Rue Neuve 3'], postalCode: '1000', city: 'Bruxelles' } }, ACTOR);
  const contract = (clientId: string, reference: string, tier: string, startDate: string) =>
    commands.contracts.create({ clientId, reference, tier: tier as 'T99', priceListId: 'PL-2024-09-01', startDate }, ACTOR);
  const prorated = await contract(french.id, 'CT-1-PRORATA', 'T99', '2026-11-16');
  const over = await contract(french.id, 'CT-2-DEPASSEMENT', 'T49', '2026-03-01');
  const horsGrille = await contract(french.id, 'CT-3-HORS-GRILLE', 'T199', '2026-01-01');
  const reverseCharge = await contract(german.id, 'CT-4-DE', 'T199', '2025-06-01');
  const outsideEu = await contract(swiss.id, 'CT-5-CH', 'T49', '2025-06-01');
  const euNoVat = await contract(belgianNoVat.id, 'CT-6-BE', 'T19', '2025-06-01');
  // October: 1.2 CPU hours on T49 (limit 1) → covered by T99; 2 GB of database → no tier covers it.
  await commands.usage.recordMonth(over.id, { month: '2026-10', cpuHours: 1.2, databaseGB: 0.5, storageGB: 1 }, ACTOR);
  await commands.usage.recordMonth(horsGrille.id, { month: '2026-10', cpuHours: 1, databaseGB: 2, storageGB: 5 }, ACTOR);
  return { french, german, swiss, belgianNoVat, prorated, over, horsGrille, reverseCharge, outsideEu, euNoVat };
}

describe('monthly run (DOMAIN.md, Billing)', () => {
  it('computes one draft per billable contract with proration, supplement, VAT regimes, due dates and warnings', async () => {
    const data = await openTestData();
    const p = await portfolio(data);
    const progress: number[] = [];
    const plan = await planMonthlyRun(data.ctx, '2026-11', { chunkSize: 2, onProgress: ({ done }) => progress.push(done) });
    expect(progress).toEqual([0, 2, 4, 6]);
    expect(plan.problems).toEqual([]);
    const byRef = Object.fromEntries(plan.items.map((i) => [i.contract.reference, i.draft]));
    expect(Object.keys(byRef)).toHaveLength(6);

    const prorated = byRef['CT-1-PRORATA']!;
    expect(prorated.lines.map((l) => l.netCents)).toEqual([4950]); // 99 € × 15/30
    // Computed on 27/11 (the test clock): dated the day it would be issued, never backdated to the start date.
    expect(prorated.issueDate.value).toBe('2026-11-27');
    expect(prorated.dueDate.value).toBe('2026-12-27');
    expect(prorated.lateIssue).toBe(true);
    expect(prorated.totals).toMatchObject({ netCents: 4950, vatCents: 990, totalCents: 5940 });

    const over = byRef['CT-2-DEPASSEMENT']!;
    expect(over.lines.map((l) => [l.label, l.netCents])).toEqual([
      ['Abonnement Dokos, formule T49 – novembre 2026', 4900],
      ['Régularisation dépassement octobre 2026', 5000],
    ]);
    expect(over.issueDate.value).toBe('2026-11-27');
    expect(over.dueDate.value).toBe('2026-12-27');

    const horsGrille = byRef['CT-3-HORS-GRILLE']!;
    expect(horsGrille.lines).toHaveLength(1);
    expect(horsGrille.warnings.join(' ')).toMatch(/hors grille/i);

    expect(byRef['CT-4-DE']!.vat.value).toMatchObject({ ratePercent: 0, mention: REVERSE_CHARGE_MENTION });
    expect(byRef['CT-4-DE']!.totals.vatCents).toBe(0);
    expect(byRef['CT-5-CH']!.vat.value).toMatchObject({ ratePercent: 0, mention: OUTSIDE_EU_MENTION });
    expect(byRef['CT-6-BE']!.vat.value.ratePercent).toBe(20);
    expect(byRef['CT-6-BE']!.warnings.map((w) => (typeof w === 'string' ? w : messageFr(w))).join(' ')).toMatch(/sans numéro de TVA intracommunautaire/);
    expect(p.prorated.id).toBe(prorated.contractId);
  });

  it('writes drafts that match the plan, with their audit entries and outbox mutations', async () => {
    const data = await openTestData();
    await portfolio(data);
    const plan = await planMonthlyRun(data.ctx, '2026-11');
    const outboxBefore = await data.db.outbox.count();
    expect(await createMonthlyDrafts(data.ctx, plan, ACTOR)).toEqual({ created: 6, skipped: 0 });
    const drafts = await data.repos.invoices.query({ period: '2026-11' });
    expect(drafts.every((d) => d.status === 'draft' && d.number === null && d.kind === 'invoice')).toBe(true);
    const de = drafts.find((d) => d.contractId === plan.items.find((i) => i.contract.reference === 'CT-4-DE')!.contract.id)!;
    expect(de.vatMention).toBe(REVERSE_CHARGE_MENTION);
    expect(await data.db.outbox.count()).toBe(outboxBefore + 6);
  });

  it('is idempotent: a second run, or two runs racing, never bill a contract twice for the month', async () => {
    const data = await openTestData();
    await portfolio(data);
    const [a, b] = await Promise.all([planMonthlyRun(data.ctx, '2026-11'), planMonthlyRun(data.ctx, '2026-11')]);
    const results = await Promise.all([createMonthlyDrafts(data.ctx, a, ACTOR), createMonthlyDrafts(data.ctx, b, ACTOR)]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 6]);
    expect(await data.db.invoices.count()).toBe(6);
    const again = await planMonthlyRun(data.ctx, '2026-11');
    expect(again.items).toEqual([]);
    expect(again.alreadyInvoiced).toBe(6);
    expect(await createMonthlyDrafts(data.ctx, again, ACTOR)).toEqual({ created: 0, skipped: 0 });
    expect(await data.db.invoices.count()).toBe(6);
  });

  it('bills the tier that applied in the month and leaves out contracts not started or in draft', async () => {
    const data = await openTestData();
    const p = await portfolio(data);
    await data.commands.contracts.applyTierChange(p.over.id, 'T99', '2026-12', ACTOR);
    await data.commands.contracts.create({ clientId: p.french.id, reference: 'CT-7-BROUILLON', tier: 'T19', priceListId: 'PL-2024-09-01', startDate: '2026-01-01', status: 'draft' }, ACTOR);
    const november = await planMonthlyRun(data.ctx, '2026-11');
    expect(november.items.find((i) => i.contract.id === p.over.id)!.draft.lines[0]!.netCents).toBe(4900);
    expect(november.items.map((i) => i.contract.reference)).not.toContain('CT-7-BROUILLON');
    const october = await planMonthlyRun(data.ctx, '2026-10');
    expect(october.items.map((i) => i.contract.reference)).not.toContain('CT-1-PRORATA');
    const december = await planMonthlyRun(data.ctx, '2026-12');
    expect(december.items.find((i) => i.contract.id === p.over.id)!.draft.lines[0]!.netCents).toBe(9900);
  });
});
