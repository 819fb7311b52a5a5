import type { MessageKey } from '../i18n';

/** The application's sections, in navigation order; each owns a route prefix. */
export interface Section {
  id: 'dashboard' | 'clients' | 'invoices' | 'letters' | 'sync' | 'settings';
  path: string;
  label: MessageKey;
  icon: string;
}

export const SECTIONS: Section[] = [
  { id: 'dashboard', path: '/', label: 'nav.dashboard', icon: '▦' },
  { id: 'clients', path: '/clients', label: 'nav.clients', icon: '◉' },
  { id: 'invoices', path: '/factures', label: 'nav.invoices', icon: '€' },
  { id: 'letters', path: '/courriers', label: 'nav.letters', icon: '✉' },
  { id: 'sync', path: '/synchronisation', label: 'nav.sync', icon: '⇅' },
  { id: 'settings', path: '/parametres', label: 'nav.settings', icon: '⚙' },
];

export function sectionOf(path: string): Section | undefined {
  if (path === '/' || path === '') return SECTIONS[0];
  return SECTIONS.find((s) => s.path !== '/' && (path === s.path || path.startsWith(`${s.path}/`)));
}
