import { useT } from '../i18n/index.ts';

/**
 * The end of a dialog form: its error, if any, then Cancel and the submit button (busy while
 * saving). `span-2` lets it take a `form-grid`'s whole row; elsewhere the class does nothing.
 */
export function FormFooter({
  error,
  busy,
  onCancel,
  submitLabel,
  busyLabel,
}: {
  error: string | null;
  busy: boolean;
  onCancel(): void;
  /** The submit button's words; Save by default. */
  submitLabel?: string;
  /** Its words while busy; Working… by default. */
  busyLabel?: string;
}) {
  const t = useT();
  return (
    <>
      {error ? (
        <p className="form-error span-2" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions span-2">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? (busyLabel ?? t('common.working')) : (submitLabel ?? t('common.save'))}
        </button>
      </div>
    </>
  );
}
