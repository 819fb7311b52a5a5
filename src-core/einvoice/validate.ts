import { compareDates, formatDateFr, isValidIsoDate } from '../dates';
import { isValidSiren } from '../model/identifiers';
import { applyPercent, formatEuros, type Cents } from '../money';
import { EN16931_SPECIFICATION, type EInvoice, type EInvoiceLine, type VatCategory } from './en16931';

/**
 * The EN 16931-1:2017 business rules that apply to this company's documents
 * (one currency, no allowances or charges, no prepayment), written from the
 * standard's text, plus the French reform's buyer SIREN. Each failure names
 * its rule and says in French what is wrong, with the amounts involved.
 */
export interface EInvoiceProblem {
  /** "BR-CO-10", "BR-AE-2", "FR-SIREN-ACHETEUR" */
  rule: string;
  message: string;
}

const euros = (cents: Cents) => formatEuros(cents).replace(/\u202f/g, '\u00a0');
const sum = (values: readonly Cents[]) => values.reduce((s, v) => s + v, 0);
const blank = (s: string | undefined) => !s || s.trim() === '';

const CATEGORY_LABEL: Record<VatCategory, string> = {
  S: 'taux normal (S)',
  AE: 'autoliquidation (AE)',
  G: 'exportation hors UE (G)',
  O: 'hors champ de la TVA (O)',
  Z: 'taux zéro (Z)',
  E: 'exonérée (E)',
  K: 'livraison intracommunautaire (K)',
  L: 'Canaries (L)',
  M: 'Ceuta et Melilla (M)',
};

/** BR-01 … BR-16: terms every invoice carries. */
function mandatoryTerms(inv: EInvoice, problem: (rule: string, message: string) => void): void {
  if (inv.specification !== EN16931_SPECIFICATION) problem('BR-01', `L’identifiant de spécification (BT-24) doit être « ${EN16931_SPECIFICATION} ».`);
  if (blank(inv.number)) problem('BR-02', 'Le numéro de facture (BT-1) est obligatoire.');
  if (!isValidIsoDate(inv.issueDate)) problem('BR-03', 'La date d’émission (BT-2) est obligatoire.');
  if (inv.typeCode !== '380' && inv.typeCode !== '381') problem('BR-04', 'Le type de document (BT-3) doit être 380 (facture) ou 381 (avoir).');
  if (inv.currency !== 'EUR') problem('BR-05', 'La devise de facturation (BT-5) est obligatoire (EUR).');
  if (blank(inv.seller.name)) problem('BR-06', 'La raison sociale du vendeur (BT-27) est obligatoire.');
  if (blank(inv.buyer.name)) problem('BR-07', 'La raison sociale de l’acheteur (BT-44) est obligatoire.');
  if (blank(inv.seller.address.city) && blank(inv.seller.address.postalCode)) problem('BR-08', 'L’adresse postale du vendeur (BG-5) est obligatoire.');
  if (!/^[A-Z]{2}$/.test(inv.seller.address.country)) problem('BR-09', 'Le code pays du vendeur (BT-40) est obligatoire.');
  if (blank(inv.buyer.address.city) && blank(inv.buyer.address.postalCode)) problem('BR-10', 'L’adresse postale de l’acheteur (BG-8) est obligatoire.');
  if (!/^[A-Z]{2}$/.test(inv.buyer.address.country)) problem('BR-11', 'Le code pays de l’acheteur (BT-55) est obligatoire.');
  // BR-12 … BR-15: the totals are numbers by construction; they must be whole cents.
  const totals: [string, string, Cents][] = [
    ['BR-12', 'somme des montants nets des lignes (BT-106)', inv.totals.lineTotalCents],
    ['BR-13', 'total hors TVA (BT-109)', inv.totals.taxBasisCents],
    ['BR-14', 'total TVA comprise (BT-112)', inv.totals.grandTotalCents],
    ['BR-15', 'montant à payer (BT-115)', inv.totals.duePayableCents],
  ];
  for (const [rule, label, value] of totals) if (!Number.isSafeInteger(value)) problem(rule, `Le ${label} est obligatoire.`);
  if (inv.lines.length === 0) problem('BR-16', 'Une facture compte au moins une ligne (BG-25).');
}

/** BR-21 … BR-27 and BR-CO-4: every line's terms. */
function lineTerms(line: EInvoiceLine, problem: (rule: string, message: string) => void): void {
  const at = `Ligne ${line.id || '?'}`;
  if (blank(line.id)) problem('BR-21', 'Chaque ligne porte un identifiant (BT-126).');
  if (!Number.isFinite(line.quantity)) problem('BR-22', `${at} : la quantité facturée (BT-129) est obligatoire.`);
  if (blank(line.unitCode)) problem('BR-23', `${at} : l’unité de mesure (BT-130) est obligatoire.`);
  if (!Number.isSafeInteger(line.netCents)) problem('BR-24', `${at} : le montant net (BT-131) est obligatoire.`);
  if (blank(line.name)) problem('BR-25', `${at} : la désignation (BT-153) est obligatoire.`);
  if (!Number.isSafeInteger(line.netPriceCents)) problem('BR-26', `${at} : le prix unitaire net (BT-146) est obligatoire.`);
  else if (line.netPriceCents < 0) problem('BR-27', `${at} : le prix unitaire net (BT-146) ne peut pas être négatif (${euros(line.netPriceCents)}).`);
  if (!line.category) problem('BR-CO-4', `${at} : aucune catégorie de TVA (BT-151) — un taux de 0 % doit être justifié par l’autoliquidation ou l’opération hors champ.`);
}

/** BR-CO-10 … BR-CO-16: the document totals add up. No allowances, charges, prepayment nor rounding here. */
function totalsAddUp(inv: EInvoice, problem: (rule: string, message: string) => void): void {
  const t = inv.totals;
  const lineSum = sum(inv.lines.map((l) => l.netCents));
  if (t.lineTotalCents !== lineSum) problem('BR-CO-10', `Le total des lignes (BT-106, ${euros(t.lineTotalCents)}) doit être la somme des montants nets des lignes (${euros(lineSum)}).`);
  if (t.taxBasisCents !== t.lineTotalCents) problem('BR-CO-13', `Le total hors TVA (BT-109, ${euros(t.taxBasisCents)}) doit être égal au total des lignes (BT-106, ${euros(t.lineTotalCents)}), sans remise ni frais.`);
  const vatSum = sum(inv.vat.map((v) => v.taxCents));
  if (t.taxTotalCents !== vatSum) problem('BR-CO-14', `Le total de TVA (BT-110, ${euros(t.taxTotalCents)}) doit être la somme des TVA par catégorie (BT-117, ${euros(vatSum)}).`);
  if (t.grandTotalCents !== t.taxBasisCents + t.taxTotalCents) {
    problem('BR-CO-15', `Le total TTC (BT-112, ${euros(t.grandTotalCents)}) doit être le total HT plus la TVA (${euros(t.taxBasisCents + t.taxTotalCents)}).`);
  }
  const paid = t.paidCents ?? 0;
  if (t.duePayableCents !== t.grandTotalCents - paid) {
    problem('BR-CO-16', `Le montant à payer (BT-115, ${euros(t.duePayableCents)}) doit être le total TTC (${euros(t.grandTotalCents)}) moins ce qui est déjà réglé (BT-113, ${euros(paid)}).`);
  }
  if (t.duePayableCents > 0 && !inv.dueDate && blank(inv.paymentTerms)) {
    problem('BR-CO-25', 'Un montant restant à payer exige une date d’échéance (BT-9) ou des conditions de paiement (BT-20).');
  }
}

/** BR-45 … BR-48, BR-CO-17, BR-CO-18, and the rules of each VAT category (BR-S, BR-AE, BR-G, BR-O). */
function vatBreakdown(inv: EInvoice, problem: (rule: string, message: string) => void): void {
  if (inv.vat.length === 0) problem('BR-CO-18', 'La facture doit comporter au moins un détail de TVA (BG-23).');
  for (const v of inv.vat) {
    const label = `Détail de TVA ${CATEGORY_LABEL[v.category]}`;
    if (v.ratePercent === undefined && v.category !== 'O') problem('BR-48', `${label} : le taux (BT-119) est obligatoire.`);
    if (v.ratePercent !== undefined) {
      const expected = applyPercent(v.basisCents, v.ratePercent);
      if (v.taxCents !== expected) {
        problem('BR-CO-17', `${label} : la TVA (BT-117, ${euros(v.taxCents)}) doit être ${euros(v.basisCents)} × ${v.ratePercent} % arrondi au centime, soit ${euros(expected)}.`);
      }
    }
    const lines = inv.lines.filter((l) => l.category === v.category && (v.category === 'O' || l.ratePercent === v.ratePercent));
    const basis = sum(lines.map((l) => l.netCents));
    if (lines.length === 0) problem(`BR-${v.category}-1`, `${label} : aucune ligne de cette catégorie${v.ratePercent === undefined ? '' : ` à ${v.ratePercent} %`}.`);
    else if (v.basisCents !== basis) {
      problem(`BR-${v.category}-8`, `${label} : la base (BT-116, ${euros(v.basisCents)}) doit être la somme des lignes de la catégorie (${euros(basis)}).`);
    }
    const exempted = !blank(v.exemptionReason) || !blank(v.exemptionReasonCode);
    if (v.category === 'S' && exempted) problem('BR-S-10', `${label} : pas de motif d’exonération (BT-120, BT-121) au taux normal.`);
    if (v.category !== 'S' && !exempted) problem(`BR-${v.category}-10`, `${label} : le motif d’exonération (BT-120 ou BT-121) est obligatoire.`);
    if (v.category !== 'S' && v.taxCents !== 0) problem(`BR-${v.category}-9`, `${label} : la TVA (BT-117) doit être nulle, pas ${euros(v.taxCents)}.`);
  }
  // Every category and rate of the lines has its breakdown (BR-S-1, BR-AE-1, BR-G-1, BR-O-1).
  const keys = new Set(inv.vat.map((v) => `${v.category}|${v.category === 'O' ? '' : String(v.ratePercent)}`));
  for (const line of inv.lines) {
    if (!line.category) continue;
    const key = `${line.category}|${line.category === 'O' ? '' : String(line.ratePercent)}`;
    if (!keys.has(key)) {
      problem(`BR-${line.category}-1`, `Ligne ${line.id} : aucun détail de TVA ${CATEGORY_LABEL[line.category]}${line.ratePercent === undefined ? '' : ` à ${line.ratePercent} %`} (BG-23).`);
      keys.add(key);
    }
  }
  for (const category of ['AE', 'G', 'O'] as const) {
    if (inv.vat.filter((v) => v.category === category).length > 1) problem(`BR-${category}-1`, `Un seul détail de TVA ${CATEGORY_LABEL[category]} est admis.`);
  }
}

/** Line rates and party identifiers each category requires or forbids. */
function categoryRules(inv: EInvoice, problem: (rule: string, message: string) => void): void {
  const has = (c: VatCategory) => inv.lines.some((l) => l.category === c);
  for (const line of inv.lines) {
    const at = `Ligne ${line.id}`;
    if (line.category === 'S' && !(line.ratePercent !== undefined && line.ratePercent > 0)) problem('BR-S-5', `${at} : au taux normal, le taux de TVA (BT-152) doit être supérieur à zéro.`);
    if ((line.category === 'AE' || line.category === 'G') && line.ratePercent !== 0) problem(`BR-${line.category}-5`, `${at} : le taux de TVA (BT-152) doit être 0 en ${CATEGORY_LABEL[line.category]}.`);
    if (line.category === 'O' && line.ratePercent !== undefined) problem('BR-O-5', `${at} : une ligne hors champ de la TVA ne porte pas de taux (BT-152).`);
  }
  const sellerTaxId = !blank(inv.seller.vatId);
  if (has('S') && !sellerTaxId) problem('BR-S-2', 'Une facture au taux normal porte le numéro de TVA du vendeur (BT-31).');
  if (has('G') && !sellerTaxId) problem('BR-G-2', 'Une exportation porte le numéro de TVA du vendeur (BT-31).');
  if (has('AE')) {
    if (!sellerTaxId) problem('BR-AE-2', 'Une autoliquidation porte le numéro de TVA du vendeur (BT-31).');
    if (blank(inv.buyer.vatId) && blank(inv.buyer.siren)) problem('BR-AE-2', 'Une autoliquidation porte le numéro de TVA de l’acheteur (BT-48) ou son identifiant légal (BT-47).');
  }
  if (has('O')) {
    if (sellerTaxId || !blank(inv.buyer.vatId)) {
      problem('BR-O-2', 'Une facture hors champ de la TVA ne porte ni le numéro de TVA du vendeur (BT-31) ni celui de l’acheteur (BT-48).');
    }
    if (inv.vat.some((v) => v.category !== 'O') || inv.lines.some((l) => l.category !== 'O')) {
      problem('BR-O-11', 'Une facture hors champ de la TVA ne peut contenir aucune autre catégorie de TVA (BR-O-11, BR-O-12).');
    }
  }
}

/** The French reform (CGI art. 289 bis) and the company's own rules on what identifies the parties and documents. */
function frenchRules(inv: EInvoice, problem: (rule: string, message: string) => void): void {
  if (!inv.seller.siren || !isValidSiren(inv.seller.siren)) problem('BR-CO-26', 'Le SIREN du vendeur (BT-30, schéma 0002) est obligatoire et doit être valide.');
  const buyerInFrance = inv.buyer.address.country === 'FR' || inv.buyer.address.country === 'MC';
  if (inv.buyer.address.country === 'FR' && (!inv.buyer.siren || !isValidSiren(inv.buyer.siren))) {
    problem('FR-SIREN-ACHETEUR', `Le SIREN de l’acheteur français (BT-47, schéma 0002) est ${inv.buyer.siren ? `invalide (« ${inv.buyer.siren} »)` : 'manquant'} : il est obligatoire pour la facture électronique.`);
  } else if (!buyerInFrance && inv.buyer.siren && !isValidSiren(inv.buyer.siren)) {
    problem('FR-SIREN-ACHETEUR', `Le SIREN de l’acheteur (BT-47) est invalide (« ${inv.buyer.siren} »).`);
  }
  if (inv.typeCode === '381' && blank(inv.precedingInvoice)) problem('BR-55', 'Un avoir (381) référence la facture qu’il corrige (BT-25).');
  if (compareDates(inv.period.to, inv.period.from) < 0) {
    problem('BR-29', `La fin de la période de facturation (BT-74, ${formatDateFr(inv.period.to)}) précède son début (BT-73, ${formatDateFr(inv.period.from)}).`);
  }
  if (inv.dueDate && compareDates(inv.dueDate, inv.issueDate) < 0) {
    problem('FR-ECHEANCE', `L’échéance (BT-9, ${formatDateFr(inv.dueDate)}) précède la date d’émission (BT-2, ${formatDateFr(inv.issueDate)}).`);
  }
  if (inv.payment?.meansCode === '58' && blank(inv.payment.iban)) problem('BR-61', 'Un virement SEPA (BT-81 = 58) indique l’IBAN du vendeur (BT-84).');
}

/** Every rule that fails, in the order of the standard's text; empty when the document may be issued. */
export function validateEInvoice(inv: EInvoice): EInvoiceProblem[] {
  const problems: EInvoiceProblem[] = [];
  const problem = (rule: string, message: string) => problems.push({ rule, message });
  mandatoryTerms(inv, problem);
  inv.lines.forEach((line) => lineTerms(line, problem));
  totalsAddUp(inv, problem);
  vatBreakdown(inv, problem);
  categoryRules(inv, problem);
  frenchRules(inv, problem);
  return problems;
}

/** "Facture F-2026-000123 : [BR-CO-17] …" — one line per problem, for a refusal shown to the account manager. */
export function describeProblems(number: string, problems: readonly EInvoiceProblem[]): string {
  return [`${number} ne respecte pas la norme de facturation électronique EN 16931 :`, ...problems.map((p) => `– [${p.rule}] ${p.message}`)].join('\n');
}

