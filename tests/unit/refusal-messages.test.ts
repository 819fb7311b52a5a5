import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  applyLifecycleEvent, DomainError, getPriceList, LIFECYCLE_EVENT_LABELS, messageFr, MESSAGES_FR, newPaymentRefusal, enforce, PRICE_LIST_2024_09_01, TERMINATION_CAUSE_LABELS,
  type PayableDocument,
} from '../../src-core';
import { createCommands, createDataContext, createDatabase } from '../../src-renderer/data';
import { en } from '../../src-renderer/i18n/en';
import { fr } from '../../src-renderer/i18n/fr';
import { translateMessage } from '../../src-renderer/i18n/translate';

/** Runs `action` and answers the DomainError it throws. */
async function refusalOf(action: () => unknown): Promise<DomainError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('no refusal');
}

/**
 * A refusal shown to a person is said in the interface's language (issue 19):
 * the DomainError carries its message code and values beside its French, the
 * code has a text in both locales, the French is the very text thrown (the
 * server's reasons and the stored texts keep it), and the English is English.
 */
function expectSaidInBothLocales(error: DomainError): void {
  expect(error.said, error.message).toBeDefined();
  const code = error.said!.code;
  expect(Object.keys(fr)).toContain(code);
  expect(Object.keys(en)).toContain(code);
  expect(translateMessage('fr', error.said!)).toBe(error.message);
  expect(messageFr(error.said!)).toBe(error.message);
  const english = translateMessage('en', error.said!);
  expect(english).not.toBe(error.message);
  expect(english).not.toMatch(/\{\w+\}|[éèàùç«»]|\b(?:le|la|les|du|des|est|pour)\b/);
}

describe('refusals said in the interface’s language', () => {
  it('the lifecycle’s refusals (a transition not allowed, a date too early, a termination not earlier)', async () => {
    const active = applyLifecycleEvent({ status: 'draft' }, { type: 'activate', date: '2026-01-01' });
    expectSaidInBothLocales(await refusalOf(() => applyLifecycleEvent(active, { type: 'resume', date: '2026-02-01' })));
    expectSaidInBothLocales(await refusalOf(() => applyLifecycleEvent(active, { type: 'suspend', date: '2025-12-01' })));
    const noticed = applyLifecycleEvent(active, { type: 'termination_notice_received', date: '2026-03-10', channel: 'email' });
    const later = await refusalOf(() => applyLifecycleEvent(noticed, { type: 'termination_notice_received', date: '2026-03-20', channel: 'email' }));
    expectSaidInBothLocales(later);
    // The words inside are src-core's own labels, French unchanged.
    expect(later.message).toContain(TERMINATION_CAUSE_LABELS.client_notice);
    const status = await refusalOf(() => applyLifecycleEvent(active, { type: 'activate', date: '2026-02-01' }));
    expect(status.message).toContain(`« ${LIFECYCLE_EVENT_LABELS.activate} »`);
  });

  it('a payment above the balance, a price list not received yet', async () => {
    const invoice: PayableDocument = { id: 'inv-1', kind: 'invoice', status: 'issued', clientId: 'c-1', issueDate: '2026-11-01', dueDate: '2026-12-01', totals: { totalCents: 11880 } };
    const facts = { invoice, payments: [], creditNotes: [], today: '2026-11-27' };
    expectSaidInBothLocales(await refusalOf(() => enforce(newPaymentRefusal({ invoiceId: 'inv-1', clientId: 'c-1', date: '2026-11-27', amountCents: 20000 }, facts))));
    expectSaidInBothLocales(await refusalOf(() => getPriceList('PL-2099-01-01', [PRICE_LIST_2024_09_01])));
  });

  it('the data layer’s refusals (a record not found)', async () => {
    const db = createDatabase({ name: 'refusals', indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const commands = createCommands(createDataContext(db, 'device-test', { now: () => '2026-11-27T10:00:00+01:00', newId: () => 'id-1' }));
    expectSaidInBothLocales(await refusalOf(() => commands.contracts.update('contrat-absent', { reference: 'CT-2026-00009' }, 'camille@dokos.io')));
    db.close();
  });

  it('every refusal code of src-core has an English text', () => {
    const codes = Object.keys(MESSAGES_FR).filter((k) => k.startsWith('refusal.') || k.startsWith('followUp.'));
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((k) => !(k in en) || en[k as keyof typeof en] === fr[k as keyof typeof fr])).toEqual(['refusal.transition.what.eventClause']);
  });
});
