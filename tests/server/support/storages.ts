import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { StorageConfig } from '../../../src-server/storage/open-storage';

/** One storage the server suite runs against: how to reach it in-process and from the CLI. */
export interface TestStorage {
  name: string;
  config: StorageConfig;
  cliArgs: string[];
  cliEnv: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

export async function embeddedStorage(): Promise<TestStorage> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'contrats-server-'));
  return {
    name: 'embedded',
    config: { dataDir },
    cliArgs: ['--data-dir', dataDir],
    cliEnv: {},
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema in the TEST_DATABASE_URL database, selected through the
 * connection's search_path, so runs never see each other's data.
 */
export async function postgresStorage(baseUrl: string): Promise<TestStorage> {
  const schema = `contrats_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  return {
    name: 'postgres',
    config: { databaseUrl },
    cliArgs: [],
    cliEnv: { DATABASE_URL: databaseUrl },
    async dispose() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Embedded always; PostgreSQL when TEST_DATABASE_URL is set (said so when it is not). */
export function storageVariants(): { name: string; open: () => Promise<TestStorage> }[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) console.log('TEST_DATABASE_URL non défini : suite serveur PostgreSQL ignorée (stockage embarqué seulement).');
  return [{ name: 'embedded', open: embeddedStorage }, ...(url ? [{ name: 'postgres', open: () => postgresStorage(url) }] : [])];
}
