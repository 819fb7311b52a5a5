import { lazy } from 'react';
import type { Slots } from '../components/slots';

/** The cross-feature panels, loaded with the first screen that shows them (not in the first bundle). */
export const SLOTS: Slots = {
  ClientInvoices: lazy(() => import('../features/invoices/ClientInvoices').then((m) => ({ default: m.ClientInvoices }))),
  ClientLetters: lazy(() => import('../features/letters/ClientLetters').then((m) => ({ default: m.ClientLetters }))),
  UpcomingDeadlines: lazy(() => import('../features/letters/UpcomingDeadlines').then((m) => ({ default: m.UpcomingDeadlines }))),
};
