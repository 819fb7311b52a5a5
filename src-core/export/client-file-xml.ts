import { INVOICE_KIND_NAMES } from '../billing/invoice-kinds';
import { CONTRACT_STATUS_LABELS } from '../lifecycle/contract-status';
import type { Client } from '../model/client';
import type { Contract } from '../model/contract';
import type { Invoice } from '../model/invoice';
import type { Letter } from '../model/letter';
import type { Payment } from '../model/payment';
import type { UsageDocument } from '../model/usage';
import { clientFileStem, describeHistoryEntry, invoiceRef, type ClientFile, type ExportedTextFile } from './client-file';
import { HOSTING_MODE_LABELS, LETTER_KIND_LABELS, LETTER_STATUS_LABELS, PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS } from './labels';
import { el, toXmlDocument, type XmlElement } from './xml-writer';

/**
 * The client file (§3) as ONE XML document, root <dossierClient>. Codes are kept
 * as attributes (`code="self_hosted"`) next to their French label so a program
 * can read them and a person too; dates are ISO, amounts are decimal euros with
 * a point (xs:decimal) and quantities as stored.
 */
export const CLIENT_FILE_XML_VERSION = 1;

/** 12345 → "123.45": xs:decimal, exact from integer cents. */
function decimalEuros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const text = (name: string, value: string | number | undefined | null) => (value === undefined || value === null ? null : el(name, undefined, value));

function clientXml(c: Client): XmlElement {
  return el('client', { id: c.id, creeLe: c.createdAt, modifieLe: c.updatedAt }, [
    text('raisonSociale', c.legalName),
    text('siren', c.siren),
    text('numeroTva', c.vatNumber),
    text('pays', c.country),
    el('adresseFacturation', undefined, [...c.billingAddress.lines.map((l) => text('ligne', l)), text('codePostal', c.billingAddress.postalCode), text('ville', c.billingAddress.city)]),
    el('contact', undefined, [text('nom', c.contact.name), text('email', c.contact.email), text('telephone', c.contact.phone)]),
    c.partner
      ? el('partenaire', undefined, [text('nom', c.partner.name), text('contact', c.partner.contactName), text('email', c.partner.email), text('telephone', c.partner.phone)])
      : null,
    el('modeHebergement', { code: c.hostingMode }, HOSTING_MODE_LABELS[c.hostingMode]),
  ]);
}

function contractXml(c: Contract, usage: UsageDocument | undefined): XmlElement {
  return el('contrat', { id: c.id, reference: c.reference }, [
    text('formule', c.tier),
    text('grilleTarifaire', c.priceListId),
    text('dateDebut', c.startDate),
    el('statut', { code: c.status }, CONTRACT_STATUS_LABELS[c.status]),
    text('delaiPaiementJours', c.paymentTermDays),
    c.terminationNotice ? el('preavis', { recuLe: c.terminationNotice.receivedOn, canal: c.terminationNotice.channel }) : null,
    text('resiliationEffective', c.terminationEffectiveDate),
    el(
      'historique',
      undefined,
      c.history.map((entry) => {
        const { event, detail } = describeHistoryEntry(entry);
        return el('evenement', { type: entry.kind, date: entry.at, auteur: entry.actor, libelle: event }, detail);
      }),
    ),
    el(
      'consommations',
      undefined,
      (usage?.months ?? []).map((m) => el('mois', { periode: m.month, cpuHeures: m.cpuHours, baseGo: m.databaseGB, stockageGo: m.storageGB })),
    ),
  ]);
}

function invoiceXml(i: Invoice, byId: ReadonlyMap<string, Invoice>): XmlElement {
  const ref = (id: string | undefined) => (id ? invoiceRef(byId.get(id) ?? { id, number: null }) : undefined);
  return el('facture', { id: i.id, type: i.kind, numero: i.number, statut: i.status, contrat: i.contractId }, [
    text('libelleType', INVOICE_KIND_NAMES[i.kind].label),
    text('moisFacture', i.period),
    text('date', i.issueDate),
    text('echeance', i.dueDate),
    text('mentionTva', i.vatMention),
    text('factureCorrigee', ref(i.creditedInvoiceId)),
    text('factureMajoree', ref(i.surchargedInvoiceId)),
    el(
      'lignes',
      undefined,
      i.lines.map((l) =>
        el('ligne', { quantite: l.quantity, prixUnitaireHT: decimalEuros(l.unitPriceCents), montantHT: decimalEuros(l.netCents), tauxTva: l.vatRatePercent }, l.label),
      ),
    ),
    el('totaux', { totalHT: decimalEuros(i.totals.netCents), tva: decimalEuros(i.totals.vatCents), totalTTC: decimalEuros(i.totals.totalCents) }),
  ]);
}

function paymentXml(p: Payment, byId: ReadonlyMap<string, Invoice>): XmlElement {
  const invoice = byId.get(p.invoiceId);
  return el('paiement', { id: p.id, nature: p.kind ?? 'payment', facture: invoice ? invoiceRef(invoice) : p.invoiceId, date: p.date, montant: decimalEuros(p.amountCents), moyen: p.method }, [
    text('libelleNature', PAYMENT_KIND_LABELS[p.kind ?? 'payment']),
    text('libelleMoyen', PAYMENT_METHOD_LABELS[p.method]),
    text('reference', p.reference || null),
    text('annuleLe', p.cancelledOn ?? null),
    text('motifAnnulation', p.cancellationReason ?? null),
  ]);
}

function letterXml(l: Letter): XmlElement {
  return el('courrier', { id: l.id, type: l.kind, statut: l.status, contrat: l.contractId }, [
    text('libelleType', LETTER_KIND_LABELS[l.kind]),
    text('libelleStatut', LETTER_STATUS_LABELS[l.status]),
    text('envoyeLe', l.sentOn),
    text('numeroRecommande', l.registeredNumber),
    text('recuLe', l.receivedOn),
    el(
      'parametres',
      undefined,
      Object.entries(l.params).map(([name, value]) => el('parametre', { nom: name }, value === null ? '' : String(value))),
    ),
  ]);
}

/** The whole client file as one XML document; `exportedAt` is the instant of the export (ISO). */
export function clientFileXml(file: ClientFile, exportedAt: string): ExportedTextFile {
  const usageByContract = new Map(file.usage.map((u) => [u.contractId, u]));
  const invoicesById = new Map(file.invoices.map((i) => [i.id, i]));
  const root = el('dossierClient', { version: CLIENT_FILE_XML_VERSION, exporteLe: exportedAt, clause: '§3' }, [
    clientXml(file.client),
    el('contrats', undefined, file.contracts.map((c) => contractXml(c, usageByContract.get(c.id)))),
    el('factures', undefined, file.invoices.map((i) => invoiceXml(i, invoicesById))),
    el('paiements', undefined, file.payments.map((p) => paymentXml(p, invoicesById))),
    el('courriers', undefined, file.letters.map(letterXml)),
  ]);
  return { name: `${clientFileStem(file.client)}.xml`, mimeType: 'application/xml', content: toXmlDocument(root) };
}
