#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): measures the built app at real scale in
// Debian's Chromium and writes bench/report.json and bench/report.md.
//   npm run bench -- --only pdf,search --sizes 1000,10000 --runs 3 --seed 2026
// The benchmark itself is TypeScript (bench/*.ts, typechecked with the tests);
// tsx loads it here so it can import src-core and the bench page's modules.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
register();
const { run } = await import('../bench/run.ts');
try {
  await run(root, process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
