import { afterAll, beforeAll } from 'vitest';
import type { TestStorage } from '../../server/support/storages';
import { SERVER_TIMEOUT, startCentralServer, type CentralServer } from './central-server';
import { openLaptop, type Laptop } from './laptop';

/**
 * One central server for a describe block and the laptops its tests open:
 * started before the first test; every laptop kept here closed, and the
 * server disposed, after the last.
 */
export function centralServerSuite(open: () => Promise<TestStorage>) {
  let started: CentralServer | undefined;
  const laptops = new Set<Laptop>();
  beforeAll(async () => {
    started = await startCentralServer(open);
  }, SERVER_TIMEOUT);
  afterAll(async () => {
    laptops.forEach((l) => l.close());
    await started?.dispose();
  }, SERVER_TIMEOUT);

  const suite = {
    get server(): CentralServer {
      if (!started) throw new Error('Le serveur central de la suite n’est pas démarré.');
      return started;
    },
    /** Every laptop kept open so far, in the order they were opened. */
    get laptops(): Laptop[] {
      return [...laptops];
    },
    /** Closed with the suite. */
    keep(...opened: Laptop[]): void {
      opened.forEach((l) => laptops.add(l));
    },
    /** A laptop of this server, signed in as alice unless the options say otherwise, closed with the suite. */
    async laptop(name: string, options: Partial<Parameters<typeof openLaptop>[2]> = {}): Promise<Laptop> {
      const opened = await openLaptop(name, () => suite.server.url(), { token: suite.server.tokens.alice, ...options });
      suite.keep(opened);
      return opened;
    },
    /** Closes a laptop now (a test that must see it gone). */
    close(laptop: Laptop): void {
      laptops.delete(laptop);
      laptop.close();
    },
  };
  return suite;
}
