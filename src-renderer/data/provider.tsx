import { createContext, useContext, type ReactNode } from 'react';
import type { DataLayer } from './open';

const DataLayerContext = createContext<DataLayer | null>(null);

/** Makes the opened data layer available to the hooks below it (the app wraps its root in it). */
export function DataProvider({ dataLayer, children }: { dataLayer: DataLayer; children: ReactNode }) {
  return <DataLayerContext.Provider value={dataLayer}>{children}</DataLayerContext.Provider>;
}

export function useDataLayer(): DataLayer {
  const dataLayer = useContext(DataLayerContext);
  if (!dataLayer) throw new Error('useDataLayer : aucun DataProvider au-dessus de ce composant.');
  return dataLayer;
}

/** The repositories: reads only. */
export function useRepositories() {
  return useDataLayer().repos;
}

/** The commands, for actions (create, applyTierChange, recordTerminationNotice…). */
export function useCommands() {
  return useDataLayer().commands;
}
