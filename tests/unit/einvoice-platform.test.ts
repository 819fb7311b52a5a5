import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cdarXml, collectionDue, invoiceTrackingId, lifecycleTrackingId, monthReport, needsCreditAndReissue, PLATFORM_STATUSES, platformStatusOfCode, PLATFORM_STATUS_CODES,
  readCdar, transmissionRoute, unreported, withPlatformEvent, type Invoice, type Payment, type PlatformState,
} from '../../src-core';

describe('statuts de la plateforme agréée (issue 18)', () => {
  it('les codes CDAR du cycle de vie se relisent en statuts', () => {
    expect(PLATFORM_STATUS_CODES).toEqual({ deposited: '200', approved: '205', disputed: '207', refused: '210', collected: '212', rejected: '213' });
    for (const status of PLATFORM_STATUSES) expect(platformStatusOfCode(PLATFORM_STATUS_CODES[status])).toBe(status);
    expect(platformStatusOfCode('999')).toBeUndefined();
  });

  it('un CDAR écrit se relit à l’identique, motif et caractères spéciaux compris', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLATFORM_STATUSES), fc.option(fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && /^[\p{L}\p{N} '’<>&"«»:;,.-]+$/u.test(s)), { nil: undefined }), (status, reason) => {
        const message = { documentNumber: 'F-2026-000042', documentIssueDate: '2026-11-27', status, at: '2026-11-28T10:00:00.000Z', senderSiren: '732829320', ...(reason ? { reason } : {}) };
        expect(readCdar(cdarXml(message))).toEqual(message);
      }),
    );
  });

  it('un CDAR au statut inconnu est refusé en français', () => {
    const xml = cdarXml({ documentNumber: 'F-1', documentIssueDate: '2026-11-27', status: 'approved', at: '2026-11-28T10:00:00Z', senderSiren: '732829320' }).replace('>205<', '>999<');
    expect(() => readCdar(xml)).toThrow(/incomplet/);
  });

  it('les statuts reçus s’ordonnent par date, le dernier est affiché ; le même reçu deux fois ne change rien', () => {
    const deposited = { status: 'deposited' as const, at: '2026-11-28T10:00:00.000Z' };
    const rejected = { status: 'rejected' as const, at: '2026-11-28T10:05:00.000Z', reason: 'SIREN absent' };
    const late = withPlatformEvent(withPlatformEvent(undefined, rejected, 'FL-1'), deposited)!;
    expect(late).toEqual({ flowId: 'FL-1', status: 'rejected', reason: 'SIREN absent', history: [deposited, rejected] });
    expect(withPlatformEvent(late, deposited)).toBeUndefined();
    const approved = withPlatformEvent({ flowId: 'FL-2', history: [deposited] }, { status: 'approved', at: '2026-11-29T08:00:00.000Z' })!;
    expect(approved).toMatchObject({ status: 'approved', flowId: 'FL-2' });
    expect(approved.reason).toBeUndefined();
  });

  it('« encaissée » est due une fois, pour une facture payée qui n’a été ni rejetée ni refusée', () => {
    const state = (...statuses: PlatformState['history'][number]['status'][]): PlatformState => ({
      ...(statuses.length > 0 ? { status: statuses.at(-1)! } : {}),
      history: statuses.map((status, i) => ({ status, at: `2026-11-2${i}T10:00:00.000Z` })),
    });
    expect(collectionDue(state('deposited', 'approved'), true)).toBe(true);
    expect(collectionDue(state('deposited', 'approved'), false)).toBe(false);
    expect(collectionDue(state('deposited', 'approved', 'collected'), true)).toBe(false);
    expect(collectionDue(state('rejected'), true)).toBe(false);
    expect(needsCreditAndReissue(state('deposited', 'refused'))).toBe(true);
    expect(needsCreditAndReissue(state('deposited', 'disputed'))).toBe(false);
  });

  it('identifiants de suivi et routage : France et Monaco e-facturés, les autres e-déclarés', () => {
    expect(invoiceTrackingId('F-2026-D01-0001')).toBe('F-2026-D01-0001');
    expect(lifecycleTrackingId('F-2026-000001', 'collected')).toBe('F-2026-000001~212');
    expect(['FR', 'mc', 'DE', 'US'].map(transmissionRoute)).toEqual(['einvoice', 'einvoice', 'ereporting', 'ereporting']);
  });
});

describe('e-reporting des clients hors de France', () => {
  const invoice = (id: string, country: string, issueDate: string, platform?: PlatformState): Invoice =>
    ({
      id, kind: 'invoice', status: 'issued', number: `F-2026-${id}`, clientId: 'c', contractId: 'k', period: issueDate.slice(0, 7), issueDate, dueDate: '2026-12-31',
      lines: [], totals: { netCents: 9900, vatCents: 0, totalCents: 9900, byRate: [] }, vatMention: null,
      buyer: { legalName: `Client ${id}`, country, addressLines: [], postalCode: '1', city: 'X' }, ...(platform ? { platform } : {}),
    }) as unknown as Invoice;
  const payment = (id: string, invoiceId: string, date: string, amountCents: number, cancelledOn?: string) => ({ id, invoiceId, date, amountCents, ...(cancelledOn ? { cancelledOn } : {}) }) as unknown as Payment;

  it('un mois réunit les factures émises et les paiements reçus de ses clients hors de France, et dit ce qui reste', () => {
    const invoices = [invoice('1', 'DE', '2026-10-15', { history: [], reportedIn: '2026-10' }), invoice('2', 'US', '2026-10-20'), invoice('3', 'FR', '2026-10-20'), invoice('4', 'CH', '2026-09-30')];
    const payments = [payment('p1', '1', '2026-10-20', 9900), payment('p2', '4', '2026-10-02', 100), payment('p3', '3', '2026-10-21', 9900), payment('p4', '2', '2026-10-25', 50, '2026-10-26')];
    const report = monthReport('2026-10', invoices, payments);
    expect(report.transactions.map((t) => [t.number, t.reported])).toEqual([['F-2026-1', true], ['F-2026-2', false]]);
    expect(report.payments.map((p) => [p.paymentId, p.reported])).toEqual([['p2', false], ['p1', false]]);
    const left = unreported(report);
    expect(left.transactions.map((t) => t.invoiceId)).toEqual(['2']);
    expect(left.payments).toHaveLength(2);
  });
});
