import type { IsoDate } from '../dates';
import { message, refusalError } from '../messages';
import { el, toXmlDocument } from '../export/xml-writer';
import { PLATFORM_STATUSES, type Invoice, type PlatformEvent, type PlatformState, type PlatformStatus } from '../model';
import { child, children, parseXml, textAt } from './xml-read';

/**
 * Transmission to the approved platform (DOMAIN.md, E-invoicing; AFNOR
 * XP Z12-013 flow service): which documents are e-invoiced, how a flow is
 * named so a resubmission is recognised, the lifecycle statuses and their
 * CDAR codes, and how a received status changes what the invoice shows.
 */

/**
 * Lifecycle status codes of the French reform (CDAR "ProcessConditionCode",
 * spécifications externes, cycle de vie): déposée 200, approuvée 205, en
 * litige 207, refusée 210, encaissée 212, rejetée 213.
 */
export const PLATFORM_STATUS_CODES: Record<PlatformStatus, string> = {
  deposited: '200',
  approved: '205',
  disputed: '207',
  refused: '210',
  collected: '212',
  rejected: '213',
};

export function platformStatusOfCode(code: string): PlatformStatus | undefined {
  return PLATFORM_STATUSES.find((status) => PLATFORM_STATUS_CODES[status] === code);
}

/** Monaco is in the French VAT territory (DOMAIN.md, Billing): its clients are e-invoiced as French ones. */
const E_INVOICED_COUNTRIES: ReadonlySet<string> = new Set(['FR', 'MC']);

/** A French business buyer's document is e-invoiced; one to a client outside France is e-reported instead. */
export function transmissionRoute(buyerCountry: string): 'einvoice' | 'ereporting' {
  return E_INVOICED_COUNTRIES.has(buyerCountry.toUpperCase()) ? 'einvoice' : 'ereporting';
}

/** The documents the central API hands to the platform: issued ones, with a number. */
export function isTransmittable(invoice: Pick<Invoice, 'status' | 'number'>): invoice is Pick<Invoice, 'status'> & { number: string } {
  return invoice.status === 'issued' && typeof invoice.number === 'string' && invoice.number !== '';
}

/**
 * The flow's tracking id (XP Z12-013 `trackingId`, 36 characters at most):
 * the document number, unique and never reused (CGI art. 242 nonies A), so a
 * flow submitted again after a lost answer is found by it instead of sent twice.
 */
export function invoiceTrackingId(number: string): string {
  if (number.length > 32) throw refusalError('INVALID_INPUT', message('refusal.platform.numberTooLong', { number }));
  return number;
}

/** The tracking id of a lifecycle status the seller sends about one of its documents (only "encaissée" here). */
export function lifecycleTrackingId(number: string, status: PlatformStatus): string {
  return `${invoiceTrackingId(number)}~${PLATFORM_STATUS_CODES[status]}`;
}

/** A lifecycle message (CDAR, Cross Domain Acknowledgement And Response) about one document. */
export interface LifecycleMessage {
  documentNumber: string;
  documentIssueDate: IsoDate;
  status: PlatformStatus;
  /** Instant the status was set. */
  at: string;
  reason?: string;
  /** SIREN of the party that sets the status (the seller for "encaissée", the buyer or platform otherwise). */
  senderSiren: string;
}

const CDAR_NS = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

const compactDate = (date: IsoDate) => date.replaceAll('-', '');

/** The CDAR of a lifecycle status: the subset of D22B the French reform uses for one document's status. */
export function cdarXml(message: LifecycleMessage): string {
  return toXmlDocument(
    el('rsm:CrossDomainAcknowledgementAndResponse', CDAR_NS, [
      el('rsm:ExchangedDocumentContext', undefined, [
        el('ram:GuidelineSpecifiedDocumentContextParameter', undefined, [el('ram:ID', undefined, 'urn.cpro.gouv.fr:1p0:CDV:invoice')]),
      ]),
      el('rsm:ExchangedDocument', undefined, [
        el('ram:IssueDateTime', undefined, [el('udt:DateTimeString', undefined, message.at)]),
        el('ram:SenderTradeParty', undefined, [el('ram:GlobalID', { schemeID: '0002' }, message.senderSiren)]),
      ]),
      el('rsm:AcknowledgementDocument', undefined, [
        el('ram:ReferenceReferencedDocument', undefined, [
          el('ram:IssuerAssignedID', undefined, message.documentNumber),
          el('ram:ProcessConditionCode', undefined, PLATFORM_STATUS_CODES[message.status]),
          el('ram:FormattedIssueDateTime', undefined, [el('udt:DateTimeString', { format: '102' }, compactDate(message.documentIssueDate))]),
          message.reason ? el('ram:SpecifiedDocumentStatus', undefined, [el('ram:Reason', undefined, message.reason)]) : null,
        ]),
      ]),
    ]),
  );
}

/** Reads a CDAR written by `cdarXml` (or a platform speaking the same subset); refuses an unknown status. */
export function readCdar(xml: string): LifecycleMessage {
  const root = parseXml(xml);
  if (root.name !== 'rsm:CrossDomainAcknowledgementAndResponse') throw refusalError('INVALID_INPUT', message('refusal.platform.root', { root: root.name }));
  const referenced = child(root, 'rsm:AcknowledgementDocument/ram:ReferenceReferencedDocument');
  const code = textAt(referenced, 'ram:ProcessConditionCode') ?? '';
  const status = platformStatusOfCode(code);
  const number = textAt(referenced, 'ram:IssuerAssignedID');
  const date = textAt(referenced, 'ram:FormattedIssueDateTime/udt:DateTimeString') ?? '';
  const at = textAt(root, 'rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString');
  const siren = children(child(root, 'rsm:ExchangedDocument/ram:SenderTradeParty'), 'ram:GlobalID')[0]?.text.trim();
  if (!status || !number || !/^\d{8}$/.test(date) || !at || !siren) {
    throw refusalError('INVALID_INPUT', message('refusal.platform.incomplete', { number: number ?? '?', status: code || '?' }));
  }
  const reason = textAt(referenced, 'ram:SpecifiedDocumentStatus/ram:Reason');
  return {
    documentNumber: number,
    documentIssueDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
    status,
    at,
    ...(reason ? { reason } : {}),
    senderSiren: siren,
  };
}

/**
 * The platform state once `event` is known: events kept oldest first, the
 * latest one is the status shown (with its reason). The same event received
 * twice (a poll repeated after a restart) changes nothing: undefined.
 */
export function withPlatformEvent(current: PlatformState | undefined, event: PlatformEvent, flowId?: string): PlatformState | undefined {
  const history = current?.history ?? [];
  if (history.some((known) => known.status === event.status && known.at === event.at)) return undefined;
  const sorted = [...history, event].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = sorted.at(-1)!;
  const { reason: _reason, ...rest } = current ?? { history: [] };
  return {
    ...rest,
    ...(flowId ? { flowId } : {}),
    status: latest.status,
    ...(latest.reason ? { reason: latest.reason } : {}),
    history: sorted.slice(-50),
  };
}

/** Statuses that call for the account manager's action (shown on the dashboard and filtered in the list). */
export const PLATFORM_ATTENTION_STATUSES: readonly PlatformStatus[] = ['rejected', 'refused', 'disputed'];

/**
 * A rejected or refused document is never edited (CGI art. 242 nonies A): it
 * is cancelled by a credit note and billed again on a new invoice.
 */
export function needsCreditAndReissue(state: PlatformState | undefined): boolean {
  return state?.status === 'rejected' || state?.status === 'refused';
}

/**
 * "Encaissée" is sent once a document is fully paid (services pay VAT on
 * receipts), unless it was already sent or the platform closed the document
 * (rejected, refused).
 */
export function collectionDue(state: PlatformState | undefined, fullyPaid: boolean): boolean {
  if (!fullyPaid) return false;
  return !(state?.history ?? []).some((event) => event.status === 'collected' || event.status === 'rejected' || event.status === 'refused');
}
