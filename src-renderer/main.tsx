import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DataProvider, openDataLayer } from './data';
import { App } from './shell/App';
import { translate } from './i18n';
import { usePreferences } from './state/preferences';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html');

// The local database is opened (and migrated) once, before the first screen:
// every screen reads it through the data layer's hooks.
openDataLayer().then(
  (dataLayer) =>
    createRoot(root).render(
      <StrictMode>
        <DataProvider dataLayer={dataLayer}>
          <App />
        </DataProvider>
      </StrictMode>,
    ),
  (error: unknown) => {
    // No screen yet: the language chosen is read from its stored preference (kept in localStorage, read synchronously).
    const { locale } = usePreferences.getState();
    document.documentElement.lang = locale;
    root.textContent = translate(locale, 'app.databaseFailed', { message: error instanceof Error ? error.message : String(error) });
  },
);
