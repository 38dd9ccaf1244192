import { useT } from '../i18n/index.ts';

/** The end of a dialog form: its error, if any, then Cancel and Save (busy while saving). */
export function FormFooter({ error, busy, onCancel }: { error: string | null; busy: boolean; onCancel(): void }) {
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
          {busy ? t('common.working') : t('common.save')}
        </button>
      </div>
    </>
  );
}
