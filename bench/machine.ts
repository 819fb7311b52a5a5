import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

/** The machine the figures were measured on: a figure means nothing without it. */
export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** Installed versions (node_modules), not the ranges of package.json. */
export function versions(root: string, chromium: string) {
  const installed = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  const packages = ['electron-vite', 'vite', 'electron', 'react', 'dexie', 'jspdf', 'recharts', 'playwright-core'];
  return { node: process.version, chromium, ...Object.fromEntries(packages.map((p) => [p, installed(p)])) };
}
