import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

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

  it('accepts a pure import inside src-core', async () => {
    expect(await ruleIdsFor('src-core/layering-probe.ts', "import { addDays } from './dates';\nexport const x = addDays;\n")).toEqual([]);
  });
});
