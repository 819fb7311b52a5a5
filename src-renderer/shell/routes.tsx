import type { ComponentType } from 'react';
import type { Section } from './sections';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { InvoicesScreen } from '../features/invoices/InvoicesScreen';
import { LettersScreen } from '../features/letters/LettersScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';

/** One screen per section; a section's screen reads its sub-route (e.g. /clients/42) itself. */
export const SCREENS: Record<Section['id'], ComponentType> = {
  dashboard: DashboardScreen,
  clients: ClientsScreen,
  invoices: InvoicesScreen,
  letters: LettersScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
};
