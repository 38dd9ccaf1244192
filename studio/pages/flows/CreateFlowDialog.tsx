import { useState, type FormEvent } from 'react';
import { api, type TemplateSummary } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { navigate } from '../../ui/router.ts';
import { TemplateGallery } from './TemplateGallery.tsx';

interface CreateFlowDialogProps {
  initialTemplate?: TemplateSummary | null;
  onClose(): void;
}

export function CreateFlowDialog({ initialTemplate = null, onClose }: CreateFlowDialogProps) {
  const t = useT();
  const [template, setTemplate] = useState<TemplateSummary | null>(initialTemplate);
  const [name, setName] = useState(initialTemplate?.name ?? '');
  const [nameTouched, setNameTouched] = useState(false);
  // On by default: a template with sample data does nothing useful on an empty catalog.
  const [withSampleData, setWithSampleData] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = (next: TemplateSummary | null) => {
    setTemplate(next);
    // Follow the template's name until the user types one of their own.
    if (!nameTouched) setName(next?.name ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { flow } = await api.createFlow(
        template
          ? { name, templateId: template.id, withSampleData: template.hasSampleData && withSampleData }
          : { name },
      );
      onClose();
      navigate(`/flows/${encodeURIComponent(flow.id)}`);
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('flows.create.title')} onClose={onClose} size="large" testId="create-flow-dialog">
      <form onSubmit={submit} className="stack">
        <TemplateGallery selected={template?.id ?? null} withBlank onSelect={choose} />
        <label className="field">
          <span>{t('flows.create.name')}</span>
          <input
            required
            maxLength={120}
            value={name}
            placeholder={t('flows.create.namePlaceholder')}
            onChange={(e) => {
              setName(e.target.value);
              setNameTouched(true);
            }}
          />
        </label>
        {template?.hasSampleData ? (
          <label className="checkbox" data-testid="create-flow-sample-data">
            <input type="checkbox" checked={withSampleData} onChange={(e) => setWithSampleData(e.target.checked)} />
            <span>
              {t('flows.create.sampleData')}
              <span className="muted small"> — {t('flows.create.sampleDataHint')}</span>
            </span>
          </label>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !name.trim()}>
            {busy ? t('common.working') : t('flows.create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
