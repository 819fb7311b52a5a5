import { describe, expect, it } from 'vitest';
import { clientFileCsv, clientFileXml, CSV_BOM, type ClientFile } from '../../src-core/export';
import { generateDemoPortfolio } from '../../src-core/demo';
import type { Invoice, Letter, Payment } from '../../src-core/model';

const at = '2026-11-01T08:00:00Z';

function sampleFile(): ClientFile {
  const demo = generateDemoPortfolio({ seed: 7, clients: 10 });
  const client = { ...demo.clients[1]!, legalName: 'Dupont & Fils "Études" <SARL>', contact: { ...demo.clients[1]!.contact, name: '=HYPERLINK("x")' } };
  const contracts = demo.contracts.filter((c) => c.clientId === client.id);
  const contract = contracts[0]!;
  const invoice: Invoice = {
    id: 'inv-1', createdAt: at, updatedAt: at, version: 1, kind: 'invoice', status: 'issued', number: 'F-2026-000042', clientId: client.id, contractId: contract.id,
    period: '2026-11', issueDate: '2026-11-01', dueDate: '2026-12-01', vatMention: null,
    lines: [{ label: 'Hébergement Dokos T49 — novembre 2026', quantity: 1, unitPriceCents: 4900, netCents: 4900, vatRatePercent: 20 }],
    totals: { netCents: 4900, vatCents: 980, totalCents: 5880, byRate: [{ ratePercent: 20, baseCents: 4900, vatCents: 980 }] },
  };
  const payment: Payment = { id: 'pay-1', createdAt: at, updatedAt: at, version: 1, invoiceId: 'inv-1', clientId: client.id, date: '2026-11-20', amountCents: 5880, method: 'virement', reference: 'VIR 123' };
  const letter: Letter = { id: 'let-1', createdAt: at, updatedAt: at, version: 1, kind: 'tierChange', status: 'sent', clientId: client.id, contractId: contract.id, sentOn: '2026-11-02', params: { toTier: 'T99', note: 'a\u0001b' } };
  // Paid back, then that refund cancelled: the file says what each record is and what was undone.
  const refund: Payment = {
    id: 'ref-1', createdAt: at, updatedAt: at, version: 1, kind: 'refund', creditNoteId: 'av-1', invoiceId: 'inv-1', clientId: client.id, date: '2026-11-25', amountCents: 1000,
    method: 'virement', reference: '', cancelledOn: '2026-11-26', cancellationReason: 'virement rejeté',
  };
  return { client, contracts, usage: demo.usage.filter((u) => u.clientId === client.id), invoices: [invoice], payments: [payment, refund], letters: [letter] };
}

describe('client file as CSV (§3)', () => {
  const files = clientFileCsv(sampleFile());
  const byName = (suffix: string) => files.find((f) => f.name.endsWith(`-${suffix}.csv`))!.content;

  it('writes one file per kind of record, named after the client, UTF-8 with BOM, ; separator and French headers', () => {
    expect(files.map((f) => f.name)).toEqual([
      'dossier-dupont-fils-etudes-sarl-client.csv', 'dossier-dupont-fils-etudes-sarl-contrats.csv', 'dossier-dupont-fils-etudes-sarl-historique-contrats.csv',
      'dossier-dupont-fils-etudes-sarl-consommations.csv', 'dossier-dupont-fils-etudes-sarl-factures.csv', 'dossier-dupont-fils-etudes-sarl-lignes-factures.csv',
      'dossier-dupont-fils-etudes-sarl-paiements.csv', 'dossier-dupont-fils-etudes-sarl-courriers.csv',
    ]);
    for (const f of files) {
      expect(f.content.startsWith(CSV_BOM)).toBe(true);
      expect(f.mimeType).toBe('text/csv;charset=utf-8');
    }
    expect(byName('client').split('\r\n')[0]).toBe(`${CSV_BOM}Identifiant;Raison sociale;SIREN;N° de TVA;Pays;Adresse ligne 1;Adresse ligne 2;Adresse ligne 3;Adresse ligne 4;Code postal;Ville;Contact;E-mail du contact;Téléphone du contact;Partenaire;Contact du partenaire;E-mail du partenaire;Téléphone du partenaire;Mode d'hébergement;Créé le;Modifié le`);
  });

  it('quotes text with quotes or separators and neutralises formulas', () => {
    const row = byName('client').split('\r\n')[1]!;
    expect(row).toContain('"Dupont & Fils ""Études"" <SARL>"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes amounts in euros with a decimal comma, usage months, and the invoice numbers everywhere', () => {
    expect(byName('factures')).toContain(';F-2026-000042;Émise;');
    expect(byName('factures')).toContain(';49,00;9,80;58,80;');
    expect(byName('lignes-factures')).toContain('F-2026-000042;Hébergement Dokos T49 — novembre 2026;1;49,00;49,00;20');
    expect(byName('paiements')).toContain('pay-1;Paiement reçu;F-2026-000042;2026-11-20;58,80;Virement;VIR 123;;');
    expect(byName('paiements')).toContain('ref-1;Remboursement au client;F-2026-000042;2026-11-25;10,00;Virement;;2026-11-26;virement rejeté');
    const usageLines = byName('consommations').trimEnd().split('\r\n');
    expect(usageLines[0]).toBe(`${CSV_BOM}Contrat;Mois;Heures CPU;Base de données (Go);Stockage (Go)`);
    expect(usageLines.length).toBeGreaterThan(1);
    expect(usageLines[1]).toMatch(/^CT-\d{4}-\d{5};\d{4}-\d{2};[\d,]+;[\d,]+;[\d,]+$/);
    expect(byName('courriers')).toContain('Changement de formule (dépassement);Envoyée;');
  });
});

describe('client file as XML (§3)', () => {
  const file = sampleFile();
  const xml = clientFileXml(file, '2026-11-27T10:00:00+01:00');

  it('is one well-formed document with a <dossierClient> root', () => {
    expect(xml.name).toBe('dossier-dupont-fils-etudes-sarl.xml');
    expect(xml.content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<dossierClient version="1" exporteLe="2026-11-27T10:00:00+01:00" clause="§3">')).toBe(true);
    expect(xml.content.trim().endsWith('</dossierClient>')).toBe(true);
  });

  it('escapes text and attributes and drops characters XML cannot carry', () => {
    expect(xml.content).toContain('<raisonSociale>Dupont &amp; Fils "Études" &lt;SARL&gt;</raisonSociale>');
    expect(xml.content).toContain('<nom>=HYPERLINK("x")</nom>');
    expect(xml.content).toContain('<parametre nom="note">ab</parametre>');
    expect(xml.content).not.toContain('\u0001');
  });

  it('holds contracts with their usage months, invoices with lines and totals, payments and letters', () => {
    const contract = file.contracts[0]!;
    expect(xml.content).toContain(`<contrat id="${contract.id}" reference="${contract.reference}">`);
    const months = file.usage[0]!.months;
    expect(xml.content.match(/<mois periode=/g)?.length).toBe(file.usage.reduce((n, u) => n + u.months.length, 0));
    expect(xml.content).toContain(`<mois periode="${months[0]!.month}" cpuHeures="${months[0]!.cpuHours}"`);
    expect(xml.content).toContain('<totaux totalHT="49.00" tva="9.80" totalTTC="58.80"/>');
    expect(xml.content).toContain('<paiement id="pay-1" nature="payment" facture="F-2026-000042" date="2026-11-20" montant="58.80" moyen="virement">');
    expect(xml.content).toContain('<paiement id="ref-1" nature="refund" facture="F-2026-000042" date="2026-11-25" montant="10.00" moyen="virement">');
    expect(xml.content).toContain('<motifAnnulation>virement rejeté</motifAnnulation>');
    expect(xml.content).toContain('<courrier id="let-1" type="tierChange" statut="sent"');
    expect(xml.content).toContain(`<modeHebergement code="${file.client.hostingMode}">`);
  });
});
