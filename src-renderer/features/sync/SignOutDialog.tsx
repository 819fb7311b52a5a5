import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

/** Sign-out asks first; erasing the laptop's data is a separate, explicit choice. */
export function SignOutDialog({ open, pending, onConfirm, onClose }: { open: boolean; pending: number; onConfirm: (wipe: boolean) => void; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [wipe, setWipe] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal?.();
    if (!open && dialog?.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="sync-signout-title" onClose={onClose}>
      <h2 id="sync-signout-title">{t('sync.signOut.title')}</h2>
      <p>{t('sync.signOut.body')}</p>
      <label>
        <input type="checkbox" checked={wipe} onChange={(e) => setWipe(e.target.checked)} /> {t('sync.signOut.wipe')}
      </label>
      {pending > 0 ? <p role="alert" className="sync-error">{t('sync.signOut.pendingWarning', { count: pending })}</p> : null}
      <div className="form-actions">
        <button type="button" className="button danger" onClick={() => onConfirm(wipe)}>{t('sync.signOut.confirm')}</button>
        <button type="button" className="button" onClick={onClose}>{t('sync.signOut.cancel')}</button>
      </div>
    </dialog>
  );
}
