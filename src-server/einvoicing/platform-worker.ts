import type { Db } from '../storage/db';
import { queueEReports } from './e-reporting';
import { feedQueue } from './flow-queue';
import { sendDueFlows, type SenderOptions } from './flow-sender';
import { pollLifecycle } from './lifecycle-poll';
import type { PlatformAdapter } from './platform-client';

export interface PlatformWorkerOptions extends SenderOptions {
  /** Pace of a round: queue what changed, send what is due, read the new statuses (default 5 s). */
  intervalMs?: number;
  /** Pace of the e-reporting check of the closed months (default 15 min; also at start). */
  eReportingIntervalMs?: number;
}

export interface PlatformWorker {
  /** One round now (tests, and the first round at start). */
  runOnce(): Promise<void>;
  /** Stops the rounds and waits for the current one. */
  stop(): Promise<void>;
}

/**
 * The central API's e-invoicing loop. Rounds never overlap; a round that
 * fails (platform down) is logged and the next one tries again — the state
 * lives in the storage (platform_flows, platform_cursor), not here.
 */
export function startPlatformWorker(db: Db, platform: PlatformAdapter, options: PlatformWorkerOptions, log: (message: string) => void): PlatformWorker {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastEReporting = -Infinity;
  const round = async () => {
    await feedQueue(db);
    if (Date.now() - lastEReporting >= (options.eReportingIntervalMs ?? 15 * 60_000)) {
      await queueEReports(db);
      lastEReporting = Date.now();
    }
    await sendDueFlows(db, platform, options, log);
    await pollLifecycle(db, platform, log);
  };
  const runOnce = () => {
    running = running.then(round).catch((error: unknown) => log(`tour e-facturation interrompu : ${error instanceof Error ? error.message : String(error)}`));
    return running;
  };
  const tick = () => {
    if (stopped) return;
    void runOnce().then(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 5000);
    });
  };
  let timer = setTimeout(tick, 0);
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
