/**
 * Fault injection in the laptop's transport (the fetch the engine is given):
 * the engine is real, the server is real, only the wire misbehaves.
 */
export type Fault =
  /** The request never reaches the server. */
  | 'cut'
  /** The server handles the request, the answer is lost on the way back. */
  | 'loseAnswer'
  /** The request is delivered twice; the laptop sees the second answer. */
  | 'duplicate'
  /** Delivered now and once more after the next request: an old delivery arrives late, out of order. */
  | 'replayLater'
  /** A 500 without reaching the server. */
  | 'error500'
  /** Hangs until the engine's timeout. */
  | 'hang';

export interface FaultyTransport {
  fetch: typeof fetch;
  /** The next requests (optionally only to `path`) meet these faults, in order. */
  plan(faults: Fault[], path?: string): void;
  /** While offline every request fails as a network error. */
  setOnline(online: boolean): void;
  /**
   * A server bug on one change: every push whose body contains `marker` gets a
   * 500 without reaching the server, however often it is sent (null: cured).
   */
  failPushesContaining(marker: string | null): void;
  /** Requests that reached the server, by path. */
  delivered: Map<string, number>;
}

const networkError = () => new TypeError('fetch failed');

/** `serverUrl()` is read at each request, so a restarted server (new port) is found again. */
export function faultyTransport(serverUrl: () => string): FaultyTransport {
  let online = true;
  let poison: string | null = null;
  const planned: { fault: Fault; path: string | undefined }[] = [];
  const late: (() => Promise<unknown>)[] = [];
  const delivered = new Map<string, number>();

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const target = new URL(url.pathname, serverUrl());
    const deliver = () => {
      delivered.set(url.pathname, (delivered.get(url.pathname) ?? 0) + 1);
      return fetch(target, { ...init, signal: null });
    };
    if (!online) throw networkError();
    const index = planned.findIndex((p) => !p.path || p.path === url.pathname);
    const poisoned = poison !== null && url.pathname === '/sync/push' && typeof init?.body === 'string' && init.body.includes(poison);
    const fault = poisoned ? 'error500' : index >= 0 ? planned.splice(index, 1)[0]!.fault : undefined;
    const replays = late.splice(0);
    try {
      switch (fault) {
        case 'cut':
          throw networkError();
        case 'error500':
          return new Response(JSON.stringify({ error: 'INJECTED', message: 'panne simulée' }), { status: 500, headers: { 'content-type': 'application/json' } });
        case 'hang':
          return await new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
        case 'loseAnswer':
          await (await deliver()).text();
          throw networkError();
        case 'duplicate':
          await (await deliver()).text();
          return await deliver();
        case 'replayLater':
          late.push(async () => (await deliver()).text());
          return await deliver();
        default:
          return await deliver();
      }
    } finally {
      // The late copy of an earlier request reaches the server after this one.
      for (const replay of replays) await replay();
    }
  };
  return {
    fetch: fetchImpl,
    plan: (faults, path) => planned.push(...faults.map((fault) => ({ fault, path }))),
    setOnline: (value) => (online = value),
    failPushesContaining: (marker) => (poison = marker),
    delivered,
  };
}
