import type { Server } from 'node:http';
import { createStaticServer } from '../scripts/static-server.mjs';

/**
 * Serves the built app and the bench page from ONE origin on 127.0.0.1, so the
 * bench page can fill the app's IndexedDB before the app is opened on it.
 * Mounts: a URL prefix → a folder; longest prefix first.
 */
export async function serve(mounts: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createStaticServer(mounts);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server: no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}
