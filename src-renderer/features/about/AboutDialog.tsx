import { useEffect, useRef, useState } from 'react';
import { platform, type AppInfo } from '../../platform';
import { useT } from '../../i18n';

/** "À propos": app version and platform, asked of the host (IPC `app:getInfo` in Electron). */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      platform.getAppInfo().then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      {error ? (
        <p role="alert">{t('about.error', { message: error })}</p>
      ) : info ? (
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info.platform === 'browser' ? t('about.browser') : info.platform}</dd>
          <dt>{t('about.runtime')}</dt>
          <dd>{info.runtime}</dd>
        </dl>
      ) : (
        <p>{t('about.loading')}</p>
      )}
      <form method="dialog">
        <button type="submit" className="button primary" autoFocus>
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
