import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Dialog } from './Dialog.tsx';
import { errorText } from './error-text.ts';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** For what cannot be undone at all (an erasure): the button waits until this word is typed. */
  typeToConfirm?: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Asks before something that can't be undone; stays open and shows the error if it fails. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  danger,
  typeToConfirm,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="small"
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button danger' : 'button primary'}
            disabled={busy || (typeToConfirm !== undefined && typed.trim() !== typeToConfirm)}
            onClick={confirm}
          >
            {busy ? t('common.working') : confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      {typeToConfirm !== undefined ? (
        <input
          aria-label={typeToConfirm}
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="confirm-typed"
        />
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
