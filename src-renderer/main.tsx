import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DataProvider, openDataLayer } from './data';
import { App } from './shell/App';
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
    root.textContent = `La base locale n’a pas pu être ouverte : ${error instanceof Error ? error.message : String(error)}`;
  },
);
