import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The layering rules of ARCHITECTURE.md are lint errors: prove it on the real config.
const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint loads the whole typed ESLint config (seconds on a busy machine): a timeout for that, not a speed claim.
describe('layering lint rules', { timeout: 60_000 }, () => {
  it.each([
    ['react', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['dexie', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['node', "import { readFile } from 'node:fs';\nexport const x = readFile;\n"],
    ['the renderer', "import { platform } from '../src-renderer/platform';\nexport const x = platform;\n"],
  ])('refuses an import of %s from src-core', async (_name, code) => {
    expect(await ruleIdsFor('src-core/layering-probe.ts', code)).toContain('no-restricted-imports');
  });

  it('refuses the DOM in src-core', async () => {
    expect(await ruleIdsFor('src-core/layering-probe.ts', 'export const w = window.innerWidth;\n')).toContain('no-restricted-globals');
  });

  it('refuses Dexie in a screen and window.api outside platform/', async () => {
    expect(await ruleIdsFor('src-renderer/features/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src-renderer/features/probe.ts', 'export const api = window.api;\n')).toContain('no-restricted-properties');
  });

  it.each([
    ['another feature', "import { ClientLetters } from '../letters/ClientLetters';\nexport const x = ClientLetters;\n"],
    ['another feature by a longer path', "import { SyncScreen } from '../../features/sync/SyncScreen';\nexport const x = SyncScreen;\n"],
    ['the shell', "import { SECTIONS } from '../../shell/sections';\nexport const x = SECTIONS;\n"],
  ])('refuses an import of %s from a feature', async (_name, code) => {
    expect(await ruleIdsFor('src-renderer/features/clients/probe.ts', code)).toContain('no-restricted-imports');
  });

  it('lets a feature import its own files and the shared rooms, and the shell import features', async () => {
    const own = "import { ClientList } from './ClientList';\nimport { href } from '../../components/router';\nimport { useT } from '../../i18n';\nexport const x = [ClientList, href, useT];\n";
    expect(await ruleIdsFor('src-renderer/features/clients/probe.ts', own)).toEqual([]);
    expect(await ruleIdsFor('src-renderer/shell/probe.ts', "import { ClientsScreen } from '../features/clients/ClientsScreen';\nexport const x = ClientsScreen;\n")).toEqual([]);
  });

  it.each(['components', 'sync', 'state', 'platform', 'documents'])('refuses a feature or the shell imported from %s/', async (room) => {
    expect(await ruleIdsFor(`src-renderer/${room}/probe.ts`, "import { ClientsScreen } from '../features/clients/ClientsScreen';\nexport const x = ClientsScreen;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor(`src-renderer/${room}/probe.ts`, "import { SLOTS } from '../shell/slots';\nexport const x = SLOTS;\n")).toContain('no-restricted-imports');
  });

  it('accepts a pure import inside src-core', async () => {
    expect(await ruleIdsFor('src-core/layering-probe.ts', "import { addDays } from './dates';\nexport const x = addDays;\n")).toEqual([]);
  });
});

// Lint sees static imports only; a lazy `import('…')` is read from the sources.
describe('rooms of the renderer, read from the sources', () => {
  const root = resolve(__dirname, '../../src-renderer');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  const specifiers = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()\s*'(\.[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));

  it('no feature imports another feature or the shell, even lazily', () => {
    const wrong = sources(join(root, 'features')).flatMap((file) => {
      const feature = relative(join(root, 'features'), file).split(sep)[0];
      return specifiers(file)
        .map((target) => relative(root, target).split(sep))
        .filter(([room, name]) => room === 'shell' || (room === 'features' && name !== feature))
        .map((target) => `${relative(root, file)} → ${target.join('/')}`);
    });
    expect(wrong).toEqual([]);
  });
});

// Issue 19, frozen migrations and no circle in data/: read from the sources (lint sees neither an import's resolved file nor a circle).
describe('the local database layer, read from the sources', () => {
  const dataRoot = resolve(__dirname, '../../src-renderer/data');
  const coreRoot = resolve(__dirname, '../../src-core');
  const tsFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  /** Every import of a file: static (`import`/`export … from`, type-only ones too) and lazy `import('…')`, with its names. */
  const importsOf = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => ({
      typeOnly: !!m[1] || (/^\{[^}]*\}$/.test(m[2]!.trim()) && m[2]!.replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))),
      names: (m[2] ?? '').replace(/[{}]/g, '').split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!).filter(Boolean),
      specifier: (m[3] ?? m[4])!,
    }));
  const listed = new Map<string, string[]>();
  const exists = (file: string) => (listed.get(dirname(file)) ?? listed.set(dirname(file), readdirSync(dirname(file)).map((name) => join(dirname(file), name))).get(dirname(file))!).includes(file);
  const resolveRelative = (from: string, specifier: string): string => {
    const base = resolve(dirname(from), specifier);
    return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => { try { return exists(candidate); } catch { return false; } }) ?? base;
  };
  const modelTypes = new Set(tsFiles(join(coreRoot, 'model')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export\s+(?:type|interface)\s+(\w+)/g)].map((m) => m[1]!)));

  it('a migration imports only its own folder, Dexie and src-core model types, all as types outside its folder', () => {
    const folder = join(dataRoot, 'migrations');
    const seen: string[] = [];
    const wrong = tsFiles(folder).flatMap((file) =>
      importsOf(file).flatMap(({ typeOnly, names, specifier }) => {
        const where = `${relative(dataRoot, file)} → ${specifier}`;
        seen.push(where);
        if (specifier === 'dexie') return typeOnly ? [] : [`${where} (Dexie as a value)`];
        if (!specifier.startsWith('.')) return [`${where} (a package)`];
        const target = resolveRelative(file, specifier);
        if (dirname(target) === folder) return [];
        const coreModel = target === join(coreRoot, 'index.ts') || dirname(target) === join(coreRoot, 'model');
        if (!coreModel) return [`${where} (live code outside the migrations)`];
        const notModel = names.filter((name) => !modelTypes.has(name));
        return typeOnly && notModel.length === 0 ? [] : [`${where} (${typeOnly ? `not model types: ${notModel.join(', ')}` : 'a value of src-core'})`];
      }),
    );
    // The scan reads what it should: the schema's list of versions and a migration's model types.
    expect(seen).toContain('migrations/index.ts → ./v1');
    expect(seen).toContain('migrations/v6.ts → ../../../src-core');
    expect(wrong).toEqual([]);
  });

  it('no import circle among the files of src-renderer/data (type imports included)', () => {
    const files = tsFiles(dataRoot);
    const edges = new Map(
      files.map((file) => [
        file,
        importsOf(file)
          .filter(({ specifier }) => specifier.startsWith('.'))
          .map(({ specifier }) => resolveRelative(file, specifier))
          .filter((target) => files.includes(target)),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const circles: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      path.push(file);
      for (const next of edges.get(file)!) {
        if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(dataRoot, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(edges.get(join(dataRoot, 'db.ts'))).toContain(join(dataRoot, 'migrations', 'index.ts'));
    expect([...edges.values()].flat().length).toBeGreaterThan(files.length);
    expect(circles).toEqual([]);
  });
});

// One write path (issue 19): every record write passes through the write gateway, which keeps the read model.
describe('one write path, read from the sources', () => {
  const root = resolve(__dirname, '../../src-renderer');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  const RECORD_TABLES = 'clientRows|clientFiles|invoiceBooks|priceLists|usage|invoices|payments|letters|portfolioChunks|portfolioDelta|overrunFacts|portfolioMeasured|clients|contracts';
  const WRITES = 'put|add|bulkPut|bulkAdd|delete|bulkDelete|clear|update|bulkUpdate|modify';
  const rawWrites = [
    // db.invoices.put(…), ctx.db.clients.bulkPut(…), files.clientFiles.delete(…)
    // (not a command: commands.clients.update(…) is the way in)
    new RegExp(`(?<!\\bcommands)\\.(?:${RECORD_TABLES})\\s*\\.\\s*(?:${WRITES})\\(`),
    // db.invoices.where(…).equals(…).modify(…) / .delete()
    new RegExp(`\\.(?:${RECORD_TABLES})\\s*\\.\\s*(?:where|filter|toCollection|orderBy)\\([^;]*\\.(?:modify|delete)\\(`),
    // db.records('invoices').put(…), db.table('invoices').bulkPut(…)
    new RegExp(`\\.(?:records|table)\\([^)]*\\)\\s*\\.\\s*(?:${WRITES})\\(`),
  ];
  /** The lines of `text` that write a record table directly. */
  const rawWriteLines = (text: string) => text.split('\n').filter((line) => rawWrites.some((re) => re.test(line)));
  // The gateway and the stores it writes with; the read model's own documents (written by its maintainers, called by the
  // gateway); released migrations (frozen, inside Dexie's upgrade); the bench's bare baseline on its own scratch database.
  const ALLOWED = ['data/writes/gateway.ts', 'data/record-store.ts', 'data/client-rows.ts', 'data/invoice-books.ts', 'data/read-model/portfolio-chunks.ts', 'data/read-model/overrun-index.ts'];
  const exempt = (path: string) => ALLOWED.includes(path) || path.startsWith('data/migrations/') || path.startsWith('bench/');

  it('finds a raw record write when there is one (the scan can fail)', () => {
    expect(rawWriteLines("await db.invoices.put(invoice);\nawait ctx.db.records('payments').delete(id);\nawait db.letters.where('status').equals('draft').modify({ status: 'printed' });")).toHaveLength(3);
    expect(rawWriteLines("await db.invoices.get(id);\nawait db.outbox.add(mutation);\nawait db.settings.delete(key);\nawait commands.clients.update(id, patch, actor);")).toEqual([]);
  });

  it('no file outside the gateway writes a record table or the read model', () => {
    const found = sources(root).flatMap((file) => {
      const path = relative(root, file).split(sep).join('/');
      return exempt(path) ? [] : rawWriteLines(readFileSync(file, 'utf8')).map((line) => `${path}: ${line.trim()}`);
    });
    expect(found).toEqual([]);
  });

  it('the gateway is what the commands, the sync and the bulk loaders call', () => {
    const callers = sources(root)
      .filter((file) => /applyRecordWrites\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split(sep).join('/'))
      .sort();
    expect(callers).toEqual(
      expect.arrayContaining([
        'data/bulk.ts', 'data/change.ts', 'data/commands/usage.ts', 'data/invoicing/bulk-write.ts', 'data/invoicing/central-issue.ts', 'data/sync-state/pulled-changes.ts', 'data/sync-state/push-results.ts',
      ]),
    );
  });

  it('the read model is written by its maintainers only, which the gateway calls', () => {
    // The functions that write the summaries and the overrun facts: called from the read model's own files, never by a writer of records.
    const modelWriters = /\b(updateSummaries|replacePortfolio|refreshSummaries|updateOverrunIndex|replaceOverrunIndex|refreshRegularisations)\(/;
    const callers = sources(root)
      .filter((file) => readFileSync(file, 'utf8').split('\n').some((line) => modelWriters.test(line) && !/^\s*(export\s+)?(async\s+)?function\b/.test(line)))
      .map((file) => relative(root, file).split(sep).join('/'))
      .sort();
    expect(callers).toContain('data/read-model/maintainers.ts');
    expect(callers.filter((path) => !path.startsWith('data/read-model/'))).toEqual([]);
    // And the gateway is the one that runs the maintainers' upkeep.
    const followers = sources(root).filter((file) => /\.follow\(db, /.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file).split(sep).join('/'));
    expect(followers).toEqual(['data/writes/gateway.ts']);
  });

  // Importing the data layer in a worker under load takes seconds: a timeout for that, not a speed claim.
  it('screens reach no raw write: the repositories only read, and features write through commands', { timeout: 60_000 }, async () => {
    const { createDataContext, createDatabase, createRepositories } = await import('../../src-renderer/data');
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    const repos = createRepositories(createDataContext(createDatabase({ name: 'layering', indexedDB: new IDBFactory(), IDBKeyRange }), 'poste'));
    const names = Object.entries(repos).flatMap(([repo, fns]) => Object.keys(fns).map((fn) => `${repo}.${fn}`));
    expect(names.length).toBeGreaterThan(10);
    // Reads only: the outbox's acknowledge is the sync engine's bookkeeping of answered mutations, not a record write.
    expect(names.filter((n) => /\.(create|update|archive|restore|remove|record|set|import|apply|delete|put|add|cancel)/i.test(n))).toEqual([]);
    const featureWrites = sources(join(root, 'features')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\brepos\.\w+\.(\w+)\(/g)].map((m) => m[1]!).filter((fn) => !/^(get|all|ofClient|ofInvoice|ofContract|ofRecord|nextReference|query|recent|pending|count|storedMonths)$/.test(fn)),
    );
    expect(featureWrites).toEqual([]);
  });
});
