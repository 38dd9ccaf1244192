import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';

interface ConflictDialogProps {
  onReload(): Promise<void>;
  onOverwrite(): Promise<void>;
}

/** Someone else saved meanwhile: the user decides whose version wins; nothing is merged silently. */
export function ConflictDialog({ onReload, onOverwrite }: ConflictDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('flow.conflict.title')}
      size="small"
      testId="conflict-dialog"
      // Closing without choosing would leave saving stopped; reloading is the safe default.
      onClose={() => void act(onReload)()}
      footer={
        <>
          <button type="button" className="button danger-ghost" disabled={busy} onClick={act(onOverwrite)}>
            {t('flow.conflict.overwrite')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={act(onReload)}>
            {t('flow.conflict.reload')}
          </button>
        </>
      }
    >
      <p>{t('flow.conflict.body')}</p>
      <ul className="muted small">
        <li>{t('flow.conflict.reloadHelp')}</li>
        <li>{t('flow.conflict.overwriteHelp')}</li>
      </ul>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
