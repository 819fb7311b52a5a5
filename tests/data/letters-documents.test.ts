import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE, storeLetterParams, type Client, type Letter } from '../../src-core';
import { letterFileName, letterSheets, partnerCopySheets, storedLetterSheets, storedPartnerCopySheets } from '../../src-renderer/features/letters/document';
import { lettersPdf } from '../../src-renderer/features/letters/output';

const dir = mkdtempSync(join(tmpdir(), 'contrats-letters-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as a reader sees it (poppler's pdftotext), spaces normalised, one string per page. */
function pages(pdf: Uint8Array): string[] {
  const file = join(dir, `letter-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ' '));
}

const client: Client = {
  id: 'c1', createdAt: '2026-11-27T10:00:00+01:00', updatedAt: '2026-11-27T10:00:00+01:00', version: 0,
  legalName: 'Boulangerie Martin SARL', siren: '732829320', country: 'FR', hostingMode: 'cloud',
  billingAddress: { lines: ['12 rue Saint-Dizier'], postalCode: '54000', city: 'Nancy' },
  contact: { name: 'Camille Martin', email: 'camille@martin.fr', phone: '03 83 12 34 56' },
  partner: { name: 'Tiers-Lieu Services', contactName: 'Léa Roux', email: 'contact@tiers-lieu.fr' },
};
const settings = { rules: DEFAULT_RULE_SETTINGS, seller: DEMO_SELLER_PROFILE, envelope: DEFAULT_ENVELOPE_MODELS[0]! };
const params = { contract: { reference: 'CT-2026-00001', label: 'Hébergement Dokos T99' }, letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' };

describe('a letter on paper', () => {
  it('goes to the client alone, naming the partner; the partner’s copy is a separate document addressed to the partner', () => {
    const sheets = letterSheets('breachNotice', params, client, settings);
    expect(sheets.map((s) => s.copyTo)).toEqual(['Tiers-Lieu Services (Léa Roux), partenaire Dokos']);
    const [original, ...more] = pages(lettersPdf(sheets));
    expect(more).toEqual([]);
    expect(original).toContain('Boulangerie Martin SARL');
    expect(original).toContain('À l’attention de Camille Martin');
    expect(original).toContain('au plus tard le 7 avril 2027');
    expect(original).toContain('Copie : Tiers-Lieu Services (Léa Roux), partenaire Dokos');

    const [copy, ...others] = pages(lettersPdf(partnerCopySheets('breachNotice', params, client, settings)));
    expect(others).toEqual([]);
    expect(copy).toContain('Tiers-Lieu Services, partenaire Dokos');
    expect(copy).toContain('À l’attention de Léa Roux');
    expect(copy).toContain('Par courrier électronique : contact@tiers-lieu.fr');
    expect(copy).not.toContain('À l’attention de Camille Martin');
    expect(copy).toContain('Copie : exemplaire pour information du courrier adressé à Boulangerie Martin SARL');
    expect(copy).toContain('au plus tard le 7 avril 2027');
  });

  it('is one sheet without a partner; a stored letter prints its registered number and its own wording', () => {
    const { partner: _partner, ...alone } = client;
    const letter = { kind: 'breachNotice', status: 'received', registeredNumber: '1A 123 456 7890 1', sentOn: '2027-03-05', receivedOn: '2027-03-15', params: storeLetterParams(params) } as Letter;
    const sheets = storedLetterSheets(letter, alone, settings);
    expect(sheets).toHaveLength(1);
    expect(storedPartnerCopySheets(letter, alone, settings)).toEqual([]);
    expect(letterFileName({ ...letter, contractId: 'x' })).toBe('notification-manquement-CT-2026-00001-2027-03-05.pdf');
    const [page] = pages(lettersPdf(sheets));
    expect(page).toContain('Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1');
    // The text stays what was sent: the presumed receipt it announced, not the later acknowledgement.
    expect(page).toContain('réception présumée le 8 mars 2027');
  });
});
