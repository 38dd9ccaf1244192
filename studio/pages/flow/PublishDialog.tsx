import { useState, type FormEvent } from 'react';
import { api, ApiError, type FlowVersion } from '../../api/client.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { errorDetailLines } from '../../ui/error-details.ts';

interface PublishDialogProps {
  flowId: string;
  /** Saves pending edits; false when they could not be saved. */
  beforePublish(): Promise<boolean>;
  onPublished(version: FlowVersion): void;
  onClose(): void;
}

export function PublishDialog({ flowId, beforePublish, onPublished, onClose }: PublishDialogProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<string[]>([]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setLines([]);
    try {
      if (!(await beforePublish())) {
        setError(t('flow.publish.saveFirst'));
        setBusy(false);
        return;
      }
      const { version } = await api.publishFlow(flowId, note.trim());
      onPublished(version);
      onClose();
    } catch (err) {
      setError(errorText(err, t));
      if (err instanceof ApiError) setLines(errorDetailLines(err.details, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('flow.publish.title')} onClose={onClose} testId="publish-dialog">
      <form className="stack" onSubmit={submit}>
        <p className="muted">{t('flow.publish.help')}</p>
        <label className="field">
          <span>{t('flow.publish.note')}</span>
          <textarea rows={3} maxLength={500} value={note} placeholder={t('flow.publish.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
        </label>
        {error ? (
          <div className="form-error" role="alert">
            <p>{error}</p>
            {lines.length > 0 ? <ul>{lines.map((line, i) => <li key={i}>{line}</li>)}</ul> : null}
          </div>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button primary" disabled={busy}>{busy ? t('common.working') : t('flow.publish.submit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
