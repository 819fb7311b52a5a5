import { lazy, type ComponentType } from 'react';
import type { Section } from './sections';
import { ClientsScreen } from '../features/clients/ClientsScreen';

/**
 * One screen per section; a section's screen reads its sub-route (e.g. /clients/42) itself.
 * The clients screen (the daily one) is in the first bundle; the others load
 * on first visit (App wraps the screen in Suspense), so opening the app
 * evaluates less script: charts, PDF and letter code come with their screens.
 */
export const SCREENS: Record<Section['id'], ComponentType> = {
  dashboard: lazy(() => import('../features/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen }))),
  clients: ClientsScreen,
  invoices: lazy(() => import('../features/invoices/InvoicesScreen').then((m) => ({ default: m.InvoicesScreen }))),
  letters: lazy(() => import('../features/letters/LettersScreen').then((m) => ({ default: m.LettersScreen }))),
  sync: lazy(() => import('../features/sync/SyncScreen').then((m) => ({ default: m.SyncScreen }))),
  settings: lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))),
};
