import { compareDates, isValidIsoDate } from '../dates';
import { message, messageFr, type Message, type MessageCode, type MessageParam } from '../messages';
import { isValidSiren } from '../model/identifiers';
import { applyPercent, type Cents } from '../money';
import { EN16931_SPECIFICATION, type EInvoice, type EInvoiceLine, type VatCategory } from './en16931';

/**
 * The EN 16931-1:2017 business rules that apply to this company's documents
 * (one currency, no allowances or charges, no prepayment), written from the
 * standard's text, plus the French reform's buyer SIREN. Each failure names
 * its rule and says what is wrong, with the amounts involved: as a message
 * code and values (`said`, issue 19: the screens say it in their language),
 * its French in `message`.
 */
export interface EInvoiceProblem {
  /** "BR-CO-10", "BR-AE-2", "FR-SIREN-ACHETEUR" */
  rule: string;
  message: string;
  said: Message;
}

type Problem = (rule: string, code: MessageCode, params?: Record<string, MessageParam>) => void;

const euros = (cents: Cents): MessageParam => ({ cents });
const sum = (values: readonly Cents[]) => values.reduce((s, v) => s + v, 0);
const blank = (s: string | undefined) => !s || s.trim() === '';
/** A VAT category in a sentence: "taux normal (S)". */
const category = (c: VatCategory): MessageParam => ({ word: `code.vatCategory.${c}` });
/** " à 20 %" after a category, or nothing (the rate as written in the document's data). */
const atRate = (rate: number | undefined): MessageParam => (rate === undefined ? '' : { message: message('einvoice.atRate', { rate: String(rate) }) });

/** BR-01 … BR-16: terms every invoice carries. */
function mandatoryTerms(inv: EInvoice, problem: Problem): void {
  if (inv.specification !== EN16931_SPECIFICATION) problem('BR-01', 'einvoice.br01', { spec: EN16931_SPECIFICATION });
  if (blank(inv.number)) problem('BR-02', 'einvoice.br02');
  if (!isValidIsoDate(inv.issueDate)) problem('BR-03', 'einvoice.br03');
  if (inv.typeCode !== '380' && inv.typeCode !== '381') problem('BR-04', 'einvoice.br04');
  if (inv.currency !== 'EUR') problem('BR-05', 'einvoice.br05');
  if (blank(inv.seller.name)) problem('BR-06', 'einvoice.br06');
  if (blank(inv.buyer.name)) problem('BR-07', 'einvoice.br07');
  if (blank(inv.seller.address.city) && blank(inv.seller.address.postalCode)) problem('BR-08', 'einvoice.br08');
  if (!/^[A-Z]{2}$/.test(inv.seller.address.country)) problem('BR-09', 'einvoice.br09');
  if (blank(inv.buyer.address.city) && blank(inv.buyer.address.postalCode)) problem('BR-10', 'einvoice.br10');
  if (!/^[A-Z]{2}$/.test(inv.buyer.address.country)) problem('BR-11', 'einvoice.br11');
  // BR-12 … BR-15: the totals are numbers by construction; they must be whole cents.
  const totals: [string, MessageCode, Cents][] = [
    ['BR-12', 'einvoice.br12', inv.totals.lineTotalCents],
    ['BR-13', 'einvoice.br13', inv.totals.taxBasisCents],
    ['BR-14', 'einvoice.br14', inv.totals.grandTotalCents],
    ['BR-15', 'einvoice.br15', inv.totals.duePayableCents],
  ];
  for (const [rule, code, value] of totals) if (!Number.isSafeInteger(value)) problem(rule, code);
  if (inv.lines.length === 0) problem('BR-16', 'einvoice.br16');
}

/** BR-21 … BR-27 and BR-CO-4: every line's terms. */
function lineTerms(line: EInvoiceLine, problem: Problem): void {
  const at = { line: line.id || '?' };
  if (blank(line.id)) problem('BR-21', 'einvoice.br21');
  if (!Number.isFinite(line.quantity)) problem('BR-22', 'einvoice.br22', at);
  if (blank(line.unitCode)) problem('BR-23', 'einvoice.br23', at);
  if (!Number.isSafeInteger(line.netCents)) problem('BR-24', 'einvoice.br24', at);
  if (blank(line.name)) problem('BR-25', 'einvoice.br25', at);
  if (!Number.isSafeInteger(line.netPriceCents)) problem('BR-26', 'einvoice.br26', at);
  else if (line.netPriceCents < 0) problem('BR-27', 'einvoice.br27', { ...at, price: euros(line.netPriceCents) });
  if (!line.category) problem('BR-CO-4', 'einvoice.brCo4', at);
}

/** BR-CO-10 … BR-CO-16: the document totals add up. No allowances, charges, prepayment nor rounding here. */
function totalsAddUp(inv: EInvoice, problem: Problem): void {
  const t = inv.totals;
  const lineSum = sum(inv.lines.map((l) => l.netCents));
  if (t.lineTotalCents !== lineSum) problem('BR-CO-10', 'einvoice.brCo10', { total: euros(t.lineTotalCents), sum: euros(lineSum) });
  if (t.taxBasisCents !== t.lineTotalCents) problem('BR-CO-13', 'einvoice.brCo13', { basis: euros(t.taxBasisCents), lines: euros(t.lineTotalCents) });
  const vatSum = sum(inv.vat.map((v) => v.taxCents));
  if (t.taxTotalCents !== vatSum) problem('BR-CO-14', 'einvoice.brCo14', { total: euros(t.taxTotalCents), sum: euros(vatSum) });
  if (t.grandTotalCents !== t.taxBasisCents + t.taxTotalCents) {
    problem('BR-CO-15', 'einvoice.brCo15', { total: euros(t.grandTotalCents), computed: euros(t.taxBasisCents + t.taxTotalCents) });
  }
  const paid = t.paidCents ?? 0;
  if (t.duePayableCents !== t.grandTotalCents - paid) {
    problem('BR-CO-16', 'einvoice.brCo16', { due: euros(t.duePayableCents), total: euros(t.grandTotalCents), paid: euros(paid) });
  }
  if (t.duePayableCents > 0 && !inv.dueDate && blank(inv.paymentTerms)) problem('BR-CO-25', 'einvoice.brCo25');
}

/** BR-45 … BR-48, BR-CO-17, BR-CO-18, and the rules of each VAT category (BR-S, BR-AE, BR-G, BR-O). */
function vatBreakdown(inv: EInvoice, problem: Problem): void {
  if (inv.vat.length === 0) problem('BR-CO-18', 'einvoice.brCo18');
  for (const v of inv.vat) {
    const detail = { message: message('einvoice.vatDetail', { category: category(v.category) }) };
    if (v.ratePercent === undefined && v.category !== 'O') problem('BR-48', 'einvoice.br48', { detail });
    if (v.ratePercent !== undefined) {
      const expected = applyPercent(v.basisCents, v.ratePercent);
      if (v.taxCents !== expected) {
        problem('BR-CO-17', 'einvoice.brCo17', { detail, tax: euros(v.taxCents), basis: euros(v.basisCents), rate: String(v.ratePercent), computed: euros(expected) });
      }
    }
    const lines = inv.lines.filter((l) => l.category === v.category && (v.category === 'O' || l.ratePercent === v.ratePercent));
    const basis = sum(lines.map((l) => l.netCents));
    if (lines.length === 0) problem(`BR-${v.category}-1`, 'einvoice.categoryNoLine', { detail, rate: atRate(v.ratePercent) });
    else if (v.basisCents !== basis) problem(`BR-${v.category}-8`, 'einvoice.categoryBasis', { detail, basis: euros(v.basisCents), sum: euros(basis) });
    const exempted = !blank(v.exemptionReason) || !blank(v.exemptionReasonCode);
    if (v.category === 'S' && exempted) problem('BR-S-10', 'einvoice.brS10', { detail });
    if (v.category !== 'S' && !exempted) problem(`BR-${v.category}-10`, 'einvoice.categoryExemption', { detail });
    if (v.category !== 'S' && v.taxCents !== 0) problem(`BR-${v.category}-9`, 'einvoice.categoryTax', { detail, tax: euros(v.taxCents) });
  }
  // Every category and rate of the lines has its breakdown (BR-S-1, BR-AE-1, BR-G-1, BR-O-1).
  const keys = new Set(inv.vat.map((v) => `${v.category}|${v.category === 'O' ? '' : String(v.ratePercent)}`));
  for (const line of inv.lines) {
    if (!line.category) continue;
    const key = `${line.category}|${line.category === 'O' ? '' : String(line.ratePercent)}`;
    if (!keys.has(key)) {
      problem(`BR-${line.category}-1`, 'einvoice.lineNoDetail', { line: line.id, category: category(line.category), rate: atRate(line.ratePercent) });
      keys.add(key);
    }
  }
  for (const single of ['AE', 'G', 'O'] as const) {
    if (inv.vat.filter((v) => v.category === single).length > 1) problem(`BR-${single}-1`, 'einvoice.categorySingle', { category: category(single) });
  }
}

/** Line rates and party identifiers each category requires or forbids. */
function categoryRules(inv: EInvoice, problem: Problem): void {
  const has = (c: VatCategory) => inv.lines.some((l) => l.category === c);
  for (const line of inv.lines) {
    const at = { line: line.id };
    if (line.category === 'S' && !(line.ratePercent !== undefined && line.ratePercent > 0)) problem('BR-S-5', 'einvoice.brS5', at);
    if ((line.category === 'AE' || line.category === 'G') && line.ratePercent !== 0) problem(`BR-${line.category}-5`, 'einvoice.categoryZeroRate', { ...at, category: category(line.category) });
    if (line.category === 'O' && line.ratePercent !== undefined) problem('BR-O-5', 'einvoice.brO5', at);
  }
  const sellerTaxId = !blank(inv.seller.vatId);
  if (has('S') && !sellerTaxId) problem('BR-S-2', 'einvoice.brS2');
  if (has('G') && !sellerTaxId) problem('BR-G-2', 'einvoice.brG2');
  if (has('AE')) {
    if (!sellerTaxId) problem('BR-AE-2', 'einvoice.brAe2.seller');
    if (blank(inv.buyer.vatId) && blank(inv.buyer.siren)) problem('BR-AE-2', 'einvoice.brAe2.buyer');
  }
  if (has('O')) {
    if (sellerTaxId || !blank(inv.buyer.vatId)) problem('BR-O-2', 'einvoice.brO2');
    if (inv.vat.some((v) => v.category !== 'O') || inv.lines.some((l) => l.category !== 'O')) problem('BR-O-11', 'einvoice.brO11');
  }
}

/** The French reform (CGI art. 289 bis) and the company's own rules on what identifies the parties and documents. */
function frenchRules(inv: EInvoice, problem: Problem): void {
  if (!inv.seller.siren || !isValidSiren(inv.seller.siren)) problem('BR-CO-26', 'einvoice.brCo26');
  const buyerInFrance = inv.buyer.address.country === 'FR' || inv.buyer.address.country === 'MC';
  if (inv.buyer.address.country === 'FR' && (!inv.buyer.siren || !isValidSiren(inv.buyer.siren))) {
    if (inv.buyer.siren) problem('FR-SIREN-ACHETEUR', 'einvoice.buyerSiren.invalid', { siren: inv.buyer.siren });
    else problem('FR-SIREN-ACHETEUR', 'einvoice.buyerSiren.missing');
  } else if (!buyerInFrance && inv.buyer.siren && !isValidSiren(inv.buyer.siren)) {
    problem('FR-SIREN-ACHETEUR', 'einvoice.buyerSiren.foreign', { siren: inv.buyer.siren });
  }
  if (inv.typeCode === '381' && blank(inv.precedingInvoice)) problem('BR-55', 'einvoice.br55');
  if (compareDates(inv.period.to, inv.period.from) < 0) problem('BR-29', 'einvoice.br29', { to: { date: inv.period.to }, from: { date: inv.period.from } });
  if (inv.dueDate && compareDates(inv.dueDate, inv.issueDate) < 0) problem('FR-ECHEANCE', 'einvoice.frDue', { due: { date: inv.dueDate }, issued: { date: inv.issueDate } });
  if (inv.payment?.meansCode === '58' && blank(inv.payment.iban)) problem('BR-61', 'einvoice.br61');
}

/** Every rule that fails, in the order of the standard's text; empty when the document may be issued. */
export function validateEInvoice(inv: EInvoice): EInvoiceProblem[] {
  const problems: EInvoiceProblem[] = [];
  const problem: Problem = (rule, code, params) => {
    const said = message(code, params);
    problems.push({ rule, message: messageFr(said), said });
  };
  mandatoryTerms(inv, problem);
  inv.lines.forEach((line) => lineTerms(line, problem));
  totalsAddUp(inv, problem);
  vatBreakdown(inv, problem);
  categoryRules(inv, problem);
  frenchRules(inv, problem);
  return problems;
}

/** "F-2026-000123 (Acme) ne respecte pas … : / – [BR-CO-17] …" — one line per problem, for a refusal shown to the account manager (`document` names it). */
export function describeProblems(document: MessageParam, problems: readonly EInvoiceProblem[]): Message {
  return message('einvoice.document', { document, problems: { lines: problems.map((p) => message('einvoice.problem', { rule: p.rule, problem: { message: p.said } })) } });
}

