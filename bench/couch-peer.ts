import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The bench's peer of the sync engine (issue 20): a CouchDB-protocol server
 * on loopback (express-pouchdb on PouchDB's in-memory adapter, in the bench
 * process as the app's central API is) and PouchDB for the browser, bundled
 * into one script the laptop's page loads. Bench-only dev dependencies,
 * untyped: the few calls made here are typed below.
 */
const require = createRequire(import.meta.url);

/** A CouchDB document as PouchDB stores it. */
export type CouchDoc = { _id: string } & Record<string, unknown>;

interface NodePouchDb {
  bulkDocs(docs: CouchDoc[]): Promise<{ ok?: boolean; error?: string; id: string }[]>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
}
type NodePouch = { new (name: string): NodePouchDb; defaults(options: Record<string, unknown>): NodePouch };
type Pluggable = { plugin(plugin: unknown): Pluggable };
type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface CouchPeer {
  /** The database's URL, for `replicate.from` in the page. */
  dbUrl: string;
  docCount: number;
  close: () => Promise<void>;
}

/** Documents per bulkDocs call while filling the server (outside any timing). */
const FILL_BATCH = 2_000;

/**
 * Starts the server on 127.0.0.1 with `docs` in one database. The mode is
 * express-pouchdb's `minimumForPouchDB`, everything PouchDB's replication
 * uses, as it ships (gzip on, as the CouchDB protocol's usual servers answer)
 * unless `gzip` is false. The page comes from another origin, as the app's
 * page calls its API: CORS answers like the app's server (preflight cached
 * 600 s), with credentials since PouchDB's fetch sends them.
 */
export async function startCouchPeer(docs: readonly CouchDoc[], options: { gzip: boolean }): Promise<CouchPeer> {
  const PouchDB = (require('pouchdb-core') as Pluggable)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce')) as unknown as NodePouch;
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
  const expressPouch = require('express-pouchdb') as (pouch: NodePouch, opts: Record<string, unknown>) => RequestHandler;
  const couch = expressPouch(MemoryPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    ...(options.gzip ? {} : { overrideMode: { exclude: ['compression'] } }),
  });

  const name = 'portfolio';
  const db = new MemoryPouch(name);
  for (let start = 0; start < docs.length; start += FILL_BATCH) {
    const results = await db.bulkDocs(docs.slice(start, start + FILL_BATCH));
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`bench: the PouchDB peer refused ${failed.id}: ${failed.error}`);
  }
  const { doc_count: docCount } = await db.info();
  if (docCount !== docs.length) throw new Error(`bench: the PouchDB peer holds ${docCount} documents, ${docs.length} given`);

  const server = createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'accept, authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
      res.setHeader('access-control-max-age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    couch(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench: the PouchDB peer has no port');
  return {
    dbUrl: `http://127.0.0.1:${address.port}/${name}`,
    docCount,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/**
 * pouchdb-browser imports Node's `events`, which a browser build must
 * replace. The package usually aliased for it is not installed; eventemitter3
 * is (by recharts), but creates its listener table in its constructor, while
 * Node's creates it on first use — and PouchDB builds its databases without
 * calling the constructor (its createClass). This module is eventemitter3
 * with Node's lazy table, its static listenerCount and a no-op
 * setMaxListeners; its methods stay enumerable, as PouchDB copies them onto
 * its constructor.
 */
const NODE_EVENTS = `
import EE3 from 'eventemitter3';
export default function EventEmitter() { EE3.call(this); }
for (const key of Object.keys(EE3.prototype)) {
  EventEmitter.prototype[key] = function (...args) {
    if (this._events === undefined) EE3.call(this);
    return EE3.prototype[key].apply(this, args);
  };
}
EventEmitter.prototype.setMaxListeners = function () { return this; };
EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
`;

/** pouchdb-browser (its default IndexedDB adapter, `idb`) bundled into one script that sets `window.PouchDB`; returns its path. */
export async function bundlePouchBrowser(tmp: string): Promise<string> {
  const outfile = join(tmp, 'pouchdb-browser.js');
  await build({
    stdin: { contents: "import PouchDB from 'pouchdb-browser'; globalThis.PouchDB = PouchDB;", resolveDir: tmp, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    plugins: [{
      name: 'node-events',
      setup(b) {
        b.onResolve({ filter: /^events$/ }, () => ({ path: 'events', namespace: 'node-events' }));
        b.onLoad({ filter: /.*/, namespace: 'node-events' }, () => ({ contents: NODE_EVENTS, resolveDir: tmp, loader: 'js' }));
      },
    }],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
