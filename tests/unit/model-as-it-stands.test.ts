import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acceptEntity, DEMO_TODAY, entitySchemas, generateDemoPortfolio, ValidationError, type EntityType } from '../../src-core';
import { standsTest, standsWhen } from '../../src-core/model/as-it-stands';
import { yearOfInvoices } from '../../src-renderer/bench/invoices';

const demo = generateDemoPortfolio({ seed: 7, clients: 60, today: DEMO_TODAY });
const samples: { entity: EntityType; records: readonly object[] }[] = [
  { entity: 'priceLists', records: demo.priceLists },
  { entity: 'clients', records: demo.clients },
  { entity: 'contracts', records: demo.contracts },
  { entity: 'usage', records: demo.usage },
  { entity: 'invoices', records: yearOfInvoices(demo, DEMO_TODAY) },
];

/** What the fast test must never contradict: when it says a value stands, zod accepts it and gives it back unchanged. */
function expectSound(entity: EntityType, value: unknown): boolean {
  const schema = entitySchemas[entity];
  if (!standsTest(schema)(value)) return false;
  const parsed = schema.safeParse(value);
  expect(parsed.success, `${entity}: the test said it stands, zod refused it`).toBe(true);
  expect(isDeepStrictEqual(parsed.data, value), `${entity}: the test said it stands, zod changed it`).toBe(true);
  return true;
}

/** A small deterministic generator (mulberry32), so a failure comes back with the same seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values a careless client, an old version or a broken file could send in place of any field. */
const ODD_VALUES: unknown[] = [
  ' padded ', 'padded ', 'e\u0301t\u00e9', 'Zo\u00eb', 'half \uD800', 'tab\there', 'line\nbreak', '\u0085', '', 'x'.repeat(6000), 'FR', 'fr',
  '2026-02-30', '2026-02-28', '2026-13', '2026-11', '2026-11-27T10:00:00', '2026-11-27T10:00:00Z', 'cloud', 'issued', 'draft',
  0, -1, 1.5, 20, 100, 101, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, [], [{}],
];

type Node = Record<string | number, unknown>;

/** Every place in a value: its parent and key. */
function places(value: unknown, out: { parent: Node; key: string | number }[] = []): { parent: Node; key: string | number }[] {
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(value)) {
    const k = Array.isArray(value) ? Number(key) : key;
    out.push({ parent: value as Node, key: k });
    places((value as Node)[k], out);
  }
  return out;
}

/** One mutation of `value` (in place): a field replaced by an odd value, removed, an unknown key added, or a hole in an array. */
function mutate(value: object, next: () => number): void {
  const all = places(value);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const { parent, key } = pick(all);
  const kind = next();
  if (kind < 0.7) parent[key] = structuredClone(pick(ODD_VALUES));
  else if (kind < 0.8) delete parent[key];
  else if (kind < 0.9) parent[Array.isArray(parent) ? parent.length + 1 : 'unknownField'] = 'x';
  else {
    // A value of another place of the record (a date where an amount goes, a line where an address goes…).
    const other = pick(all);
    parent[key] = structuredClone(other.parent[other.key] ?? null);
  }
}

describe('the as-it-stands test (fast path of the bulk load)', () => {
  it('lets the records of a generated portfolio through as they are, each of them accepted unchanged by zod', () => {
    for (const { entity, records } of samples) {
      const standing = records.filter((record) => expectSound(entity, record)).length;
      // The records made by src-core are in canonical form: all of them take the fast path (contracts with a history hold a union: zod parses those).
      if (entity === 'contracts') expect(standing).toBeGreaterThan(records.length / 2);
      else expect(standing, entity).toBe(records.length);
    }
  });

  it('never says a mutated record stands when zod would refuse or rewrite it (4,000 mutants, fixed seed)', () => {
    const next = random(2026);
    let standing = 0;
    let declined = 0;
    for (let i = 0; i < 4000; i++) {
      const { entity, records } = samples[i % samples.length]!;
      const record = structuredClone(records[Math.floor(next() * records.length)]!);
      for (let m = 1 + Math.floor(next() * 3); m > 0; m--) mutate(record, next);
      if (expectSound(entity, record)) standing++;
      else declined++;
    }
    // Both answers were given: the soundness above was held on both sides.
    expect(standing).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(1000);
  });

  it('declines what zod would rewrite: padded or decomposed text, an unknown key, an optional field set to undefined', () => {
    const invoice = samples.find((s) => s.entity === 'invoices')!.records[0] as { lines: { label: string }[]; number: string };
    const test = standsTest(entitySchemas.invoices);
    expect(test(invoice)).toBe(true);
    const rewritten = [{ ...invoice, number: ` ${invoice.number}` }, { ...invoice, lines: [{ ...invoice.lines[0]!, label: 'Re\u0301gularisation' }] }];
    for (const changed of rewritten) {
      expect(test(changed)).toBe(false);
      const parsed = entitySchemas.invoices.safeParse(changed);
      expect(parsed.success && !isDeepStrictEqual(parsed.data, changed)).toBe(true);
    }
    expect(test({ ...invoice, extra: 1 })).toBe(false);
    expect(entitySchemas.invoices.safeParse({ ...invoice, extra: 1 }).success).toBe(false);
    expect(test({ ...invoice, issuedAt: undefined })).toBe(false);
  });

  it('compiles what it cannot see into to "no": a rewrite, a union, a stripping object, an untold check', () => {
    expect(standsTest(z.string().transform((s) => s))('a')).toBe(false);
    expect(standsTest(z.union([z.string(), z.number()]))('a')).toBe(false);
    expect(standsTest(z.union([z.literal(8), z.literal(4)]))(4)).toBe(true);
    expect(standsTest(z.union([z.literal(8), z.literal(4)]))(5)).toBe(false);
    expect(standsTest(z.object({ a: z.string() }))({ a: 'x', b: 'y' })).toBe(false);
    expect(standsTest(z.object({ a: z.string() }))({ a: 'x' })).toBe(true);
    expect(standsTest(z.string().check(() => undefined))('a')).toBe(false);
    expect(standsTest(standsWhen(z.string().check(() => undefined), (v) => v === 'a'))('a')).toBe(true);
    const holed = new Array<number>(3);
    holed[0] = 1;
    holed[2] = 3;
    expect(standsTest(z.array(z.number()))(holed)).toBe(false);
  });

  it('acceptEntity: the record itself when it stands, zod’s copy when rewritten, the French refusal when invalid', () => {
    const client = demo.clients[0]!;
    expect(acceptEntity(entitySchemas.clients, client, 'Client')).toBe(client);
    const padded = { ...client, legalName: ` ${client.legalName} ` };
    expect(acceptEntity(entitySchemas.clients, padded, 'Client').legalName).toBe(client.legalName);
    expect(() => acceptEntity(entitySchemas.clients, { ...client, siren: '123' }, 'Client')).toThrow(ValidationError);
    expect(() => acceptEntity(entitySchemas.clients, { ...client, siren: '123' }, 'Client')).toThrow(/SIREN/);
  });
});
