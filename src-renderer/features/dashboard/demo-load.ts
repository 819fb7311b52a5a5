import { create } from 'zustand';
import type { EntityType } from '../../../src-core';
import { loadDemoPortfolio, type DataLayer } from '../../data';

/**
 * The demo load in progress, outside the component that starts it: the first
 * chunk of clients makes the store non-empty, which would otherwise unmount
 * the empty state — and its progress bar — while contracts and usage are
 * still being written.
 */
export interface DemoLoadProgress {
  entity: EntityType;
  written: number;
  total: number;
}

interface DemoLoadState {
  progress: DemoLoadProgress | null;
  error: string | null;
  load: (db: DataLayer['db'], clients: number) => Promise<void>;
}

const DEMO_SEED = 2024;

export const useDemoLoad = create<DemoLoadState>()((set) => ({
  progress: null,
  error: null,
  async load(db, clients) {
    set({ error: null, progress: { entity: 'priceLists', written: 0, total: 1 } });
    try {
      await loadDemoPortfolio(db, { seed: DEMO_SEED, clients, onProgress: (progress) => set({ progress }) });
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      set({ progress: null });
    }
  },
}));
