import { create } from 'zustand';
import { persist } from 'zustand/middleware';

import type { Locale } from '../i18n/translate';

export type { Locale };
export type Theme = 'light' | 'dark' | 'system';

interface Preferences {
  locale: Locale;
  theme: Theme;
  setLocale: (locale: Locale) => void;
  setTheme: (theme: Theme) => void;
}

/** UI preferences only (never stored entities): kept in localStorage, per laptop. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      locale: 'fr',
      theme: 'system',
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
    }),
    { name: 'contrats.preferences' },
  ),
);
