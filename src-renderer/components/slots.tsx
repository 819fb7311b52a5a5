import { createContext, useContext, type ComponentType } from 'react';

/**
 * Panels one feature shows inside another's screen (a client's invoices and letters on the
 * client page, the letters' deadlines on the dashboard). A feature imports no other feature
 * (ARCHITECTURE.md): the shell, which knows them all, fills these slots. A slot's code may load
 * on first use, so render it inside a Suspense.
 */
export interface Slots {
  ClientInvoices: ComponentType<{ clientId: string }>;
  ClientLetters: ComponentType<{ clientId: string }>;
  UpcomingDeadlines: ComponentType<{ days: number }>;
}

const SlotsContext = createContext<Slots | null>(null);

export const SlotsProvider = SlotsContext.Provider;

export function useSlots(): Slots {
  const slots = useContext(SlotsContext);
  if (!slots) throw new Error('Panneau rendu hors du shell : aucun emplacement fourni.');
  return slots;
}
