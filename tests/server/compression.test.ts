import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY, generateDemoPortfolio, type EntityType, type PullResponse, type WireRecord } from '../../src-core';
import { createApiClient } from '../../src-renderer/sync/api-client';
import { createUser } from '../../src-server/auth/users';
import { COMPRESSION, acceptedEncoding } from '../../src-server/http/compression';
import { seedRecords } from '../../src-server/seed';
import { startServer, type RunningServer } from '../../src-server/server';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (still compressed). */
  body: Buffer;
}

/** A POST whose answer is read byte for byte, without the transparent decoding of fetch. */
function rawPost(url: string, token: string, body: unknown, acceptEncoding?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }) },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('en-tête Accept-Encoding', () => {
  it('brotli d’abord, gzip sinon ; q=0 refuse, * accepte tout, rien ou identity : pas de compression', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('*, br;q=0')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('gzip;q=0, br;q=0')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('')).toBeNull();
  });
});

// In-process server (exported startServer) on in-memory storage, over real HTTP: compression does not depend on the storage.
describe('pages de pull compressées', { timeout: 60_000 }, () => {
  let server: RunningServer;
  let token: string;
  const demo = generateDemoPortfolio({ seed: 5, clients: 60, today: DEMO_TODAY });
  const page = { cursor: '0', limit: 100, entities: ['clients', 'contracts', 'priceLists'] };

  beforeAll(async () => {
    server = await startServer({ storage: { inMemory: true }, port: 0 });
    const created = await createUser(server.db, 'compression', 'account_manager');
    token = created.token;
    await seedRecords(server.db, created.user.id, demo as unknown as Record<EntityType, WireRecord[]>);
  }, 180_000);
  afterAll(() => server?.close());

  const pullUrl = () => `${server.url}/sync/pull`;

  it('la même page en brotli, en gzip et en clair : décodée, identique, et bien plus petite', async () => {
    const plain = await rawPost(pullUrl(), token, page);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8')) as PullResponse;
    expect(json.changes).toHaveLength(page.limit);

    const br = await rawPost(pullUrl(), token, page, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);
    expect(br.body.length * 5).toBeLessThan(plain.body.length);

    const gz = await rawPost(pullUrl(), token, page, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(json);
    expect(gz.body.length * 5).toBeLessThan(plain.body.length);

    const refused = await rawPost(pullUrl(), token, page, 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual(json);
  });

  it('une petite réponse (page vide, erreur) part telle quelle', async () => {
    const empty = await rawPost(pullUrl(), token, { ...page, cursor: '999999' }, 'br, gzip');
    expect(empty.status).toBe(200);
    expect(empty.body.length).toBeLessThan(COMPRESSION.minBytes);
    expect(empty.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(empty.body.toString('utf8'))).toEqual({ changes: [], nextCursor: '999999', hasMore: false });
    const refused = await rawPost(pullUrl(), 'ctr_inconnu', page, 'br, gzip');
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/jeton/i) });
  });

  it('le client du poste (fetch de Node) reçoit la page compressée et la lit décodée', async () => {
    const encodings: (string | null)[] = [];
    const api = createApiClient({
      baseUrl: server.url,
      token,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        encodings.push(response.headers.get('content-encoding'));
        return response;
      },
    });
    const plain = JSON.parse((await rawPost(pullUrl(), token, page)).body.toString('utf8')) as PullResponse;
    const pulled = await api.pull(page as Parameters<typeof api.pull>[0]);
    // Node 20's fetch asks for gzip and deflate, Chromium's for brotli too: either way the page travelled compressed.
    expect(encodings).toHaveLength(1);
    expect(['br', 'gzip']).toContain(encodings[0]);
    expect(pulled).toEqual(plain);
  });
});
