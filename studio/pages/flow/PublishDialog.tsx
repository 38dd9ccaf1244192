import { useState, type FormEvent } from 'react';
import { api, type FlowVersion } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormError, useFormError } from '../../ui/FormError.tsx';

interface PublishDialogProps {
  flowId: string;
  /** Saves pending edits; false when they could not be saved. */
  beforePublish(): Promise<boolean>;
  onPublished(version: FlowVersion): void;
  onClose(): void;
}

export function PublishDialog({ flowId, beforePublish, onPublished, onClose }: PublishDialogProps) {
  const t = useT();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const error = useFormError();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    error.clear();
    try {
      if (!(await beforePublish())) {
        error.show(t('flow.publish.saveFirst'));
        setBusy(false);
        return;
      }
      const { version } = await api.publishFlow(flowId, note.trim());
      onPublished(version);
      onClose();
    } catch (err) {
      error.fail(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('flow.publish.title')} onClose={onClose} testId="publish-dialog">
      <form className="stack" onSubmit={submit}>
        <p className="muted">{t('flow.publish.help')}</p>
        <label className="field">
          <span>{t('flow.publish.note')}</span>
          <textarea
            rows={3}
            maxLength={500}
            value={note}
            placeholder={t('flow.publish.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <FormError state={error.state} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.working') : t('flow.publish.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
