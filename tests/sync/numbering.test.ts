import { describe, expect, it } from 'vitest';
import { checkContinuity, PRICE_LIST_2024_09_01 } from '../../src-core';
import { createCreditNote, createMonthlyDrafts, documentLedger, issueDrafts, nextDocumentNumber, parisToday, planMonthlyRun, recordPayment } from '../../src-renderer/data/invoicing';
import { advanceLetter, createDraftLetter } from '../../src-renderer/data/letters-flow';
import { listSetAside, retrySetAside } from '../../src-renderer/data/sync-state';
import { createApiClient } from '../../src-renderer/sync/api-client';
import { actorLabel, rememberSignedIn } from '../../src-renderer/sync/person';
import { storageVariants } from '../server/support/storages';
import { centralServerSuite } from './support/suite';
import { expectConverged, serverRecords } from './support/invariants';
import { openLaptop, type Laptop } from './support/laptop';
import { ACTOR, FRENCH_CLIENT as CLIENT } from './support/records';

/** What two laptops must agree on about one document: its number, amounts and balance as the screens compute it. */
async function documentView(laptop: Laptop, id: string) {
  const doc = await documentLedger(laptop.data.ctx, id);
  if (!doc) return null;
  const { invoice, settlement, status, payments, creditNotes } = doc;
  return {
    number: invoice.number,
    status: invoice.status,
    kind: invoice.kind,
    issueDate: invoice.issueDate,
    totals: invoice.totals,
    documentStatus: status,
    balanceCents: settlement?.balanceCents ?? null,
    payments: payments.map((p) => ({ id: p.id, amountCents: p.amountCents, date: p.date })),
    creditNotes: creditNotes.map((c) => c.number),
  };
}

describe.each(storageVariants())('$name : numérotation de bout en bout (issue 17)', { timeout: 120_000 }, ({ open }) => {
  const suite = centralServerSuite(open);

  it('le poste A, hors ligne, émet trois factures, des paiements, un avoir et un courrier ; B voit exactement les mêmes documents, numéros, soldes et états', async () => {
    const a = await openLaptop('num-a', () => suite.server.url(), { token: suite.server.tokens.alice });
    const b = await openLaptop('num-b', () => suite.server.url(), { token: suite.server.tokens.bob });
    suite.keep(a, b);
    const today = parisToday(a.data.ctx);
    const year = today.slice(0, 4);

    // Signing in: the first sync obtains the laptop's own series before anything is pushed.
    await a.engine.syncNow();
    expect(await nextDocumentNumber(a.data.ctx, 'invoice', today)).toEqual({ series: `F-${year}-D01`, number: `F-${year}-D01-0001`, granted: true });
    expect(await nextDocumentNumber(a.data.ctx, 'credit_note', today)).toEqual({ series: `AV-${year}-D01`, number: `AV-${year}-D01-0001`, granted: true });

    // A's portfolio, synced, then A goes offline for the day's work.
    const client = await a.data.commands.clients.create(CLIENT, ACTOR);
    const contracts = [];
    for (let i = 1; i <= 3; i++) {
      contracts.push(await a.data.commands.contracts.create({ clientId: client.id, reference: `CT-NUM-${i}`, tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: `${Number(year) - 1}-01-01` }, ACTOR));
    }
    await a.engine.syncNow();
    a.transport.setOnline(false);
    // Last month's invoices, issued today.
    const thisMonth = Number(today.slice(5, 7));
    const month = thisMonth === 1 ? `${Number(year) - 1}-12` : `${year}-${String(thisMonth - 1).padStart(2, '0')}`;
    const created = await createMonthlyDrafts(a.data.ctx, await planMonthlyRun(a.data.ctx, month), ACTOR);
    expect(created.created).toBe(3);
    const drafts = await a.data.repos.invoices.query({ period: month });
    const issued = await issueDrafts(a.data.ctx, drafts.map((d) => d.id), ACTOR);
    const numbers = issued.map((i) => i.number!).sort();
    expect(numbers).toEqual([1, 2, 3].map((n) => `F-${year}-D01-000${n}`));
    const [first, second, third] = [...issued].sort((x, y) => x.number!.localeCompare(y.number!));
    const pay = (invoice: typeof first, amountCents: number, reference: string) =>
      recordPayment(a.data.ctx, { invoiceId: invoice!.id, clientId: client.id, date: today, amountCents, method: 'virement', reference }, ACTOR);
    await pay(first, 5000, 'VIR-1');
    await pay(second, second!.totals.totalCents, 'VIR-2');
    const credit = await createCreditNote(a.data.ctx, third!.id, 'full', ACTOR);
    expect(credit.number).toBe(`AV-${year}-D01-0001`);
    const letter = await createDraftLetter(
      a.data.ctx,
      { kind: 'breachNotice', clientId: client.id, contractId: contracts[0]!.id, params: { contract: { reference: 'CT-NUM-1' }, letterDate: today, description: 'le module de contrôle de licence a été désactivé.' } },
      ACTOR,
    );
    await advanceLetter(a.data.ctx, letter.id, { type: 'print' }, ACTOR);
    await advanceLetter(a.data.ctx, letter.id, { type: 'send', sentOn: today, registeredNumber: '1A 123 456 7890 1' }, ACTOR);
    await expect(a.engine.syncNow()).rejects.toMatchObject({ kind: 'network' });

    // Back online: everything is accepted, nothing set aside.
    a.transport.setOnline(true);
    const pushed = await a.engine.syncNow();
    expect(pushed.pushed.rejected).toBe(0);
    expect(await listSetAside(a.data.ctx)).toEqual([]);
    expect(await a.data.repos.outbox.count()).toBe(0);

    // B signs in (its own device code) and sees exactly what A issued.
    await b.engine.syncNow();
    expect(await nextDocumentNumber(b.data.ctx, 'invoice', today)).toMatchObject({ series: `F-${year}-D02` });
    for (const doc of [first!, second!, third!, credit]) {
      const seenByA = await documentView(a, doc.id);
      expect(seenByA?.number).toBe(doc.number);
      expect(await documentView(b, doc.id)).toEqual(seenByA);
    }
    expect(await documentView(b, first!.id)).toMatchObject({ documentStatus: 'partly_paid', balanceCents: first!.totals.totalCents - 5000 });
    expect(await documentView(b, second!.id)).toMatchObject({ documentStatus: 'paid', balanceCents: 0 });
    expect(await documentView(b, third!.id)).toMatchObject({ balanceCents: 0, creditNotes: [credit.number] });
    expect(await b.data.db.letters.get(letter.id)).toMatchObject({ status: 'sent', registeredNumber: '1A 123 456 7890 1' });
    expect(await b.data.db.letters.get(letter.id)).toEqual(await a.data.db.letters.get(letter.id));

    // The server's copies: the device series without gap, every document issued.
    const onServer = [...(await serverRecords(suite.server)).values()].filter((c) => c.entity === 'invoices' && !c.deleted).map((c) => c.record!);
    expect(onServer.every((r) => r.status === 'issued')).toBe(true);
    expect(checkContinuity(onServer.filter((r) => r.kind === 'invoice').map((r) => String(r.number)))).toEqual([]);
    await expectConverged(suite.server, [a, b]);
  });

  it('un poste qui a émis avant de se connecter : émission refusée avec sa raison, la facture redevient brouillon, son numéro libéré, son paiement mis de côté avec elle', async () => {
    const s = await openLaptop('num-autonome', () => suite.server.url(), { token: suite.server.tokens.alice });
    suite.keep(s);
    // Signing in stores who the token belongs to (as the app does): the sync's own changes here are made in their name.
    const me = await createApiClient({ baseUrl: suite.server.url(), token: suite.server.tokens.alice }).me();
    await rememberSignedIn(s.data.db, me.user);
    const today = parisToday(s.data.ctx);
    const year = today.slice(0, 4);
    // Never signed in: it numbers in its standalone series.
    s.transport.setOnline(false);
    expect(await nextDocumentNumber(s.data.ctx, 'invoice', today)).toEqual({ series: `F-${year}`, number: `F-${year}-000001`, granted: false });
    const client = await s.data.commands.clients.create({ ...CLIENT, legalName: 'Autonome SAS' }, ACTOR);
    await s.data.commands.contracts.create({ clientId: client.id, reference: 'CT-AUTONOME-1', tier: 'T99', priceListId: PRICE_LIST_2024_09_01.id, startDate: `${Number(year) - 1}-01-01` }, ACTOR);
    const thisMonth = Number(today.slice(5, 7));
    const month = thisMonth === 1 ? `${Number(year) - 1}-12` : `${year}-${String(thisMonth - 1).padStart(2, '0')}`;
    await createMonthlyDrafts(s.data.ctx, await planMonthlyRun(s.data.ctx, month), ACTOR);
    const [draft] = await s.data.repos.invoices.query({ period: month });
    const [invoice] = await issueDrafts(s.data.ctx, [draft!.id], ACTOR);
    expect(invoice!.number).toBe(`F-${year}-000001`);
    const payment = await recordPayment(s.data.ctx, { invoiceId: invoice!.id, clientId: client.id, date: today, amountCents: 5000, method: 'virement', reference: 'VIR-AUTO' }, ACTOR);

    s.transport.setOnline(true);
    const result = await s.engine.syncNow();
    expect(result.pushed.rejected).toBe(2);
    // The server's reason, and the payment set aside with its invoice: nothing of them on the server as issued or paid.
    const setAside = await listSetAside(s.data.ctx);
    expect(setAside.map((x) => x.mutation.entity).sort()).toEqual(['invoices', 'payments']);
    expect(setAside.find((x) => x.mutation.entity === 'invoices')?.reason).toMatch(/série centrale/);
    expect(setAside.find((x) => x.mutation.entity === 'payments')?.reason).toMatch(new RegExp(`facture F-${year}-000001 a été refusée par le serveur central`));
    const server1 = await serverRecords(suite.server);
    expect(server1.get(`invoices/${invoice!.id}`)?.record).toMatchObject({ status: 'draft', number: null });
    expect(server1.has(`payments/${payment.id}`)).toBe(false);
    // Here: a draft again, its standalone number released (nothing else bore it), the next one in the granted series.
    expect(await s.data.db.invoices.get(invoice!.id)).toMatchObject({ status: 'draft', number: null });
    expect(await s.data.db.series.get(`F-${year}`)).toMatchObject({ lastNumber: 0 });
    const audit = await s.data.repos.audit.ofRecord('invoices', invoice!.id);
    expect(audit.find((e) => e.action === 'issue_refused')).toMatchObject({ actor: actorLabel({ kind: 'signedIn', ...me.user }) });
    expect(actorLabel({ kind: 'signedIn', ...me.user })).toMatch(/alice/);
    const next = await nextDocumentNumber(s.data.ctx, 'invoice', today);
    expect(next).toMatchObject({ number: expect.stringMatching(new RegExp(`^F-${year}-D\\d\\d-0001$`)), granted: true });

    // Issued again in the granted series, then the payment retried: both accepted, and the laptops agree.
    const [reissued] = await issueDrafts(s.data.ctx, [invoice!.id], ACTOR);
    expect(reissued!.number).toBe(next.number);
    await s.engine.syncNow();
    expect(await retrySetAside(s.data.ctx, setAside.find((x) => x.mutation.entity === 'payments')!.mutation.mutationId)).toBe(true);
    const again = await s.engine.syncNow();
    expect(again.pushed.rejected).toBe(0);
    const server2 = await serverRecords(suite.server);
    expect(server2.get(`invoices/${invoice!.id}`)?.record).toMatchObject({ status: 'issued', number: next.number });
    expect(server2.get(`payments/${payment.id}`)?.record).toMatchObject({ amountCents: 5000, invoiceId: invoice!.id });
    await expectConverged(suite.server, suite.laptops);
  });
});
