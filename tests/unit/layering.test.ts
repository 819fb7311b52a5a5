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
