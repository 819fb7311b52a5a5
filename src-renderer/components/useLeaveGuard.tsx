import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { holdNavigation } from './router';

/**
 * Unsaved changes never vanish without a word: while `dirty`, leaving the
 * screen by a link or the history asks first (the dialog returned here, to
 * render), and closing the window or reloading asks the browser's — or, in
 * Electron, the main process's — own question (`beforeunload`). A form calls
 * `release()` just before it navigates away after saving.
 */
export function useLeaveGuard(dirty: boolean): { dialog: ReactNode; release: () => void } {
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  const [released, setReleased] = useState(false);
  const unholdRef = useRef<(() => void) | null>(null);
  const holding = dirty && !released;

  useEffect(() => {
    if (!holding) return undefined;
    const unhold = holdNavigation((go) => setProceed(() => go));
    unholdRef.current = unhold;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines need a returnValue to ask at all.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unhold();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [holding]);

  /** Lets navigation through from now on (a form that saved goes on to its next page): at once, before the hash changes. */
  const release = () => {
    unholdRef.current?.();
    setReleased(true);
  };
  const dialog = proceed ? <LeaveDialog onLeave={() => { setProceed(null); release(); proceed(); }} onStay={() => setProceed(null)} /> : null;
  return { dialog, release };
}

function LeaveDialog({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    // Escape closes the dialog: the person stays, changes kept.
    <dialog ref={ref} className="dialog" role="alertdialog" aria-labelledby="leave-guard-title" aria-describedby="leave-guard-body" onClose={onStay}>
      <h2 id="leave-guard-title">{t('leaveGuard.title')}</h2>
      <p id="leave-guard-body">{t('leaveGuard.body')}</p>
      <div className="form-actions">
        <button type="button" className="button primary" autoFocus onClick={onStay}>{t('leaveGuard.stay')}</button>
        <button type="button" className="button danger" onClick={onLeave}>{t('leaveGuard.leave')}</button>
      </div>
    </dialog>
  );
}
