import type { FastifyInstance } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * How answers are compressed, chosen by measurement (src-server/README,
 * « Compression des réponses »): brotli at quality 4 makes a first sync's
 * pull pages 17.7 times smaller for 0.4 s of CPU per 100 MB of JSON (a few
 * ms a page, beside the ≈ 120 ms of reading it from the database); higher
 * qualities cost twice as much for a few percent. gzip at its fastest level
 * (10.6 times smaller, 0.24 s per 100 MB) is for clients without brotli.
 */
export const COMPRESSION = {
  brotliQuality: 4,
  gzipLevel: 1,
  /** Smaller answers (errors, a push of a few mutations, an empty page) go as they are: a few hundred bytes saved do not pay the header and the CPU. */
  minBytes: 1024,
} as const;

type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses JSON answers of at least COMPRESSION.minBytes in the encoding
 * the request accepts (brotli, else gzip); browsers' and Node's fetch decode
 * them without being asked. zlib works on libuv's thread pool: the event
 * loop goes on serving other laptops while a page is compressed.
 */
export function compressReplies(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || reply.hasHeader('content-encoding')) return payload;
    // Its length in UTF-16 units, never more than its UTF-8 bytes: counting those walked each page's megabyte once more (0.2 s of a first sync).
    const units = payload.length;
    if (units < COMPRESSION.minBytes) return payload;
    // Caches between the server and a laptop (a proxy) must not give a compressed answer to a client that did not ask for it.
    reply.header('vary', 'accept-encoding');
    const encoding = acceptedEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    return encoding === 'br'
      ? brotli(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: COMPRESSION.brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: units, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : gzipAsync(payload, { level: COMPRESSION.gzipLevel });
  });
}

/** The encoding to answer in, from an Accept-Encoding header (RFC 9110 §12.5.3: q-values, `*`, `q=0` refuses). */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const [best] = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0).sort((a, b) => weightOf(b) - weightOf(a));
  return best ?? null;
}
