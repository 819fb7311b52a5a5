import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { platform } from '../platform';
import { usePreferences, type Locale, type Theme } from '../state/preferences';
import { AboutDialog } from '../features/about/AboutDialog';
import { href, useLocation } from '../components/router';
import { SECTIONS, sectionOf } from './sections';
import { SCREENS } from './routes';
import { PageHeader } from '../components/PageHeader';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { SlotsProvider } from '../components/slots';
import { SLOTS } from './slots';

// The sync engine (pull, push, reconciliation) starts once its code is in, after the first screen: not in the first bundle.
const BackgroundSync = lazy(() => import('./BackgroundSync').then((m) => ({ default: m.BackgroundSync })));

/** 'system' follows the OS setting, live; the stylesheet itself only knows light and dark. */
function useThemeAttribute(theme: Theme) {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    if (theme !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <a href={href('/')}>{t('notFound.back')}</a>
    </>
  );
}

export function App() {
  const t = useT();
  const { path } = useLocation();
  const { locale, theme, setLocale, setTheme } = usePreferences();
  const [aboutOpen, setAboutOpen] = useState(false);
  useThemeAttribute(theme);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => platform.onMenuCommand((command) => command === 'about' && setAboutOpen(true)), []);
  // A link that took the person to another screen is gone with the old one: the focus would fall back to the
  // page's start, so it goes to the new screen's content (a list puts it on the row left, see VirtualGrid returnTo).
  // On the first screen, the page's start (the skip link) stays first.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    const focused = document.activeElement;
    if (!focused || focused === document.body) document.getElementById('contenu')?.focus({ preventScroll: true });
  }, [path]);

  const section = sectionOf(path);
  const Screen = section ? SCREENS[section.id] : NotFound;

  return (
    <div className="app">
      <a className="skip-link" href="#contenu" onClick={(e) => {
        e.preventDefault();
        document.getElementById('contenu')?.focus();
      }}>
        {t('skip.toContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={href(s.path)} aria-current={section?.id === s.id ? 'page' : undefined}>
                  <span aria-hidden="true" className="nav-icon">{s.icon}</span>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-footer">
          <label>
            {t('locale.label')}
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="fr">{t('locale.fr')}</option>
              <option value="en">{t('locale.en')}</option>
            </select>
          </label>
          <label>
            {t('theme.label')}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="system">{t('theme.system')}</option>
              <option value="light">{t('theme.light')}</option>
              <option value="dark">{t('theme.dark')}</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => setAboutOpen(true)}>
            {t('nav.about')}
          </button>
        </div>
      </aside>
      <main id="contenu" tabIndex={-1}>
        <ScreenErrorBoundary key={path} title={t('screen.failed')} reloadLabel={t('screen.reload')}>
          <Suspense fallback={<p className="muted">{t('clients.loading')}</p>}>
            <SlotsProvider value={SLOTS}>
              <Screen />
            </SlotsProvider>
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
      <Suspense fallback={null}>
        <BackgroundSync />
      </Suspense>
    </div>
  );
}
