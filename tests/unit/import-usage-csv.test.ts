import { describe, expect, it } from 'vitest';
import { detectSeparator, MAX_REPORTED_ERRORS, overwrittenMonths, parseUsageCsv, readCsv, USAGE_CSV_MAX_BYTES, usageCsvSizeProblem, type ImportIssue, type UsageImportContract } from '../../src-core/import';
import { messageFr } from '../../src-core/messages';

/** The French of a report's issues (each also carries its message code, for the screen's language). */
const french = (errors: ImportIssue[]) => errors.map(({ line, column, message }) => ({ line, column, message }));

const CONTRACTS: UsageImportContract[] = [
  { id: 'c1', reference: 'CT-2024-00001', clientId: 'cl1', clientSiren: '732829320', startDate: '2024-09-16' },
  { id: 'c2', reference: 'CT-2025-00002', clientId: 'cl2', clientSiren: '552100554', startDate: '2025-01-01' },
  { id: 'c3', reference: 'CT-2026-00003', clientId: 'cl2', clientSiren: '552100554', startDate: '2026-06-01' },
  { id: 'c4', reference: 'CT-2024-00004', clientId: 'cl3', startDate: '2024-10-01', terminationEffectiveDate: '2026-03-31' },
];
const options = { contracts: CONTRACTS, today: '2026-11-27' };
const parse = (text: string) => parseUsageCsv(text, options);

describe('CSV reader', () => {
  it('detects the separator from the header, not from decimal commas in the data', () => {
    expect(detectSeparator('contrat;mois;cpu_heures\nX;2026-10;1,5')).toBe(';');
    expect(detectSeparator('contrat,mois,cpu_heures\nX,2026-10,"1,5"')).toBe(',');
    expect(detectSeparator('\ufeffa,b')).toBe(',');
  });

  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const doc = readCsv('\ufeffa;b\r\n"x;1";"dit ""oui"""\r\n"deux\nlignes";z\r\n\r\nfin;f\r\n');
    expect(doc.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;1', 'dit "oui"'] },
      { line: 3, cells: ['deux\nlignes', 'z'] },
      { line: 6, cells: ['fin', 'f'] },
    ]);
    expect(doc.unterminatedQuoteLine).toBeNull();
  });

  it('says where a quote was left open', () => {
    expect(readCsv('a;b\n"x;1\n').unterminatedQuoteLine).toBe(2);
  });
});

describe('usage CSV import', () => {
  it('accepts the documented format with ; and decimal commas, by contract reference, id or SIREN', () => {
    const report = parse('contrat;mois;cpu_heures;base_go;stockage_go\nCT-2024-00001;2026-10;0,42;0,31;0,8\nc4;2026-03;1;0.5;2\n732 829 320;2026-09;1,25;0,5;4\n');
    expect(report.errors).toEqual([]);
    expect(report.separator).toBe(';');
    expect(report.lineCount).toBe(3);
    expect(report.rows).toEqual([
      { line: 2, contractId: 'c1', clientId: 'cl1', month: '2026-10', cpuHours: 0.42, databaseGB: 0.31, storageGB: 0.8 },
      { line: 3, contractId: 'c4', clientId: 'cl3', month: '2026-03', cpuHours: 1, databaseGB: 0.5, storageGB: 2 },
      { line: 4, contractId: 'c1', clientId: 'cl1', month: '2026-09', cpuHours: 1.25, databaseGB: 0.5, storageGB: 4 },
    ]);
  });

  it('accepts , as separator with quoted decimal commas, a BOM, columns in another order and extra columns', () => {
    const report = parse('\ufeffMois,Stockage_Go,CONTRAT,base_go,cpu_heures,commentaire\r\n2026-10,"1,5",ct-2024-00001,0.2,"0,3",ok\r\n');
    expect(report.errors).toEqual([]);
    expect(report.rows[0]).toMatchObject({ contractId: 'c1', month: '2026-10', cpuHours: 0.3, databaseGB: 0.2, storageGB: 1.5 });
  });

  it('reports each bad cell with its line, column and a French message, and keeps only the good rows', () => {
    const report = parse(
      [
        'contrat;mois;cpu_heures;base_go;stockage_go',
        'CT-2024-00001;2026-10;0,4;0,3;1',
        'CT-9999;2026-10;0,4;0,3;1',
        'CT-2024-00001;2026-13;abc;-1;',
        'CT-2024-00001;2026-10;0,5;0,3;1',
        'CT-2024-00001;2024-08;0,5;0,3;1',
        'c4;2026-05;0,5;0,3;1',
        'CT-2024-00001;2026-12;0,5;0,3;1',
        '552100554;2026-07;0,5;0,3;1',
        '552100555;2026-07;0,5;0,3;1',
        'CT-2024-00001;2026-10',
      ].join('\n'),
    );
    expect(report.rows.map((r) => r.line)).toEqual([2]);
    expect(french(report.errors)).toEqual([
      { line: 3, column: 'contrat', message: 'Contrat inconnu : « CT-9999 ».' },
      { line: 4, column: 'mois', message: 'Mois invalide : « 2026-13 » (le mois va de 01 à 12).' },
      { line: 4, column: 'cpu_heures', message: 'Nombre illisible : « abc » (exemple : 1,5).' },
      { line: 4, column: 'base_go', message: 'Valeur négative refusée : « -1 ».' },
      { line: 4, column: 'stockage_go', message: 'Valeur manquante.' },
      { line: 5, column: 'mois', message: 'Doublon : octobre 2026 du contrat CT-2024-00001 figure déjà ligne 2.' },
      { line: 6, column: 'mois', message: 'Le contrat CT-2024-00001 commence le 16/09/2024 : pas de consommation en août 2024.' },
      { line: 7, column: 'mois', message: 'Le contrat CT-2024-00004 est résilié depuis le 31/03/2026 : pas de consommation en mai 2026.' },
      { line: 8, column: 'mois', message: 'Mois à venir : décembre 2026 n’est pas encore écoulé.' },
      { line: 9, column: 'contrat', message: 'Le client de SIREN 552100554 a plusieurs contrats (CT-2025-00002, CT-2026-00003) : indiquez la référence du contrat.' },
      { line: 10, column: 'contrat', message: 'SIREN invalide : la clé de contrôle (Luhn) ne correspond pas.' },
      { line: 11, column: null, message: 'La ligne compte 2 colonnes, l’en-tête en compte 5.' },
    ]);
  });

  it('picks the one contract of a SIREN running in the month when the client has several', () => {
    const report = parse('contrat;mois;cpu_heures;base_go;stockage_go\n552100554;2025-03;0,5;0,3;1\n');
    expect(report.errors).toEqual([]);
    expect(report.rows[0]?.contractId).toBe('c2');
  });

  it('explains a missing header column, an empty file and a file with no data', () => {
    expect(french(parse('contrat;mois;cpu;base_go\nx;y;z;w').errors)).toEqual([
      { line: 1, column: null, message: 'En-tête incomplet : colonnes cpu_heures, stockage_go manquantes (en-tête attendu : contrat;mois;cpu_heures;base_go;stockage_go).' },
    ]);
    expect(parse('').errors[0]?.message).toMatch(/^Fichier vide/);
    expect(parse('contrat;mois;cpu_heures;base_go;stockage_go\n').errors[0]?.message).toMatch(/aucune ligne/);
  });

  it('hints at quoting when a , file carries an unquoted decimal comma', () => {
    const report = parse('contrat,mois,cpu_heures,base_go,stockage_go\nCT-2024-00001,2026-10,0,4,0.3,1\n');
    expect(report.errors[0]).toMatchObject({ line: 2, column: null });
    expect(report.errors[0]?.message).toContain('entre guillemets');
  });

  it('reports an unterminated quote', () => {
    const report = parse('contrat;mois;cpu_heures;base_go;stockage_go\n"CT-2024-00001;2026-10;0,4;0,3;1\n');
    expect(report.errors.some((e) => e.line === 2 && /Guillemet/.test(e.message))).toBe(true);
    expect(report.rows).toEqual([]);
  });
});

describe('usage CSV at real size (issue 15)', () => {
  const HEADER = 'contrat;mois;cpu_heures;base_go;stockage_go';

  it('never puts one client’s usage on another: a reference two contracts share is refused on every line', () => {
    const shared = [...CONTRACTS, { id: 'c9', reference: 'ct-2024-00001 ', clientId: 'cl9', startDate: '2024-09-01' }];
    const report = parseUsageCsv(`${HEADER}\nCT-2024-00001;2026-10;0,4;0,3;1\nc9;2026-10;0,4;0,3;1\n`, { contracts: shared, today: '2026-12-04' });
    expect(french(report.errors)).toEqual([{ line: 2, column: 'contrat', message: 'La référence CT-2024-00001 désigne 2 contrats : rendez les références uniques dans l’application avant d’importer.' }]);
    // Its identifier still names one contract.
    expect(report.rows.map((r) => r.contractId)).toEqual(['c9']);
  });

  it('lists the first 1,000 errors by line and counts them all; reports progress up to the last line', () => {
    const lines = Array.from({ length: 2500 }, (_, i) => `CT-9999-${i};2026-10;0,4;0,3;1`);
    const progress: number[] = [];
    const report = parseUsageCsv(`${HEADER}\n${lines.join('\n')}\n`, { contracts: CONTRACTS, today: '2026-12-04', onProgress: (done, total) => progress.push(done / total) });
    expect(report.errorCount).toBe(2500);
    expect(report.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(report.errors[0]!.line).toBe(2);
    expect(report.errors[999]!.line).toBe(1001);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('states the size limit and refuses a larger file before reading it', () => {
    expect(usageCsvSizeProblem(USAGE_CSV_MAX_BYTES)).toBeNull();
    expect(messageFr(usageCsvSizeProblem(USAGE_CSV_MAX_BYTES + 1)!)).toBe('Fichier trop volumineux : 20 Mo, pour 20 Mo au plus. Découpez l’export par mois.');
    expect(messageFr(usageCsvSizeProblem(30 * 1024 * 1024)!)).toMatch(/^Fichier trop volumineux : 30 Mo/);
  });

  it('counts the stored months the import replaces, per month, newest first', () => {
    const stored = new Map([['c1', new Set(['2026-09', '2026-10'])], ['c2', new Set(['2026-10'])]]);
    const rows = [
      { contractId: 'c1', month: '2026-10' }, { contractId: 'c1', month: '2026-11' }, { contractId: 'c2', month: '2026-10' },
      { contractId: 'c1', month: '2026-09' }, { contractId: 'c3', month: '2026-10' },
    ];
    expect(overwrittenMonths(rows, stored)).toEqual({ months: [{ month: '2026-10', contracts: 2 }, { month: '2026-09', contracts: 1 }], total: 3 });
    expect(overwrittenMonths(rows, new Map())).toEqual({ months: [], total: 0 });
  });
});
