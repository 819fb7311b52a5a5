import { create } from 'zustand';
import type { SyncStatus } from './engine';

/** Sync UI state only (phase, reachability, last error): stored records stay in IndexedDB. */
interface SyncUiState {
  connected: boolean;
  status: SyncStatus | null;
  setConnected: (connected: boolean) => void;
  setStatus: (status: SyncStatus) => void;
}

export const useSyncUi = create<SyncUiState>()((set) => ({
  connected: false,
  status: null,
  setConnected: (connected) => set(connected ? { connected } : { connected, status: null }),
  setStatus: (status) => set({ status }),
}));
