import type { FastifyInstance } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * How answers are compressed, chosen by measurement (src-server/README,
 * « Compression des réponses »): brotli at quality 4 makes a first sync's
 * pull pages 17–18 times smaller for about a quarter of a second of CPU per
 * 100 MB of JSON more than gzip at its fastest level, which is 11 times
 * smaller; gzip is only for a client that does not take brotli.
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
    const bytes = Buffer.byteLength(payload);
    if (bytes < COMPRESSION.minBytes) return payload;
    // Caches between the server and a laptop (a proxy) must not give a compressed answer to a client that did not ask for it.
    reply.header('vary', 'accept-encoding');
    const encoding = acceptedEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    return encoding === 'br'
      ? brotli(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: COMPRESSION.brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
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
