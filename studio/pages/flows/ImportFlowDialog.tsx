import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormError, useFormError } from '../../ui/FormError.tsx';
import { navigate } from '../../ui/router.ts';
import { showToast } from '../../ui/toast.tsx';

export function ImportFlowDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const error = useFormError();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    error.clear();
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      error.show(t('flows.import.notJson'));
      setBusy(false);
      return;
    }
    // Checked here first, so a file that is not a flow gets the same localized explanations the
    // editor gives. Loaded on demand: the validator and zod are not needed for the first page.
    const { validateFlow } = await import('../../../shared/flow/validate/index.ts');
    const document = typeof json === 'object' && json !== null && 'flow' in json ? json.flow : json;
    const checked = validateFlow(document);
    if (!checked.flow || (publish && !checked.ok)) {
      const problems = checked.problems.filter((p) => p.severity === 'error');
      error.show(checked.flow ? t('flows.import.cannotPublish') : t('flows.import.notAFlow'), { problems });
      setBusy(false);
      return;
    }
    try {
      // The server checks again: it is the one that must never store a broken flow.
      const body = (publish ? { flow: json, publish: true } : json) as Parameters<typeof api.importFlow>[0];
      const { flow } = await api.importFlow(body);
      showToast(t('flows.import.done', { name: flow.name }));
      onClose();
      navigate(`/flows/${encodeURIComponent(flow.id)}`);
    } catch (err) {
      error.fail(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('flows.import.title')} onClose={onClose} testId="import-flow-dialog">
      <form onSubmit={submit} className="stack">
        <p className="muted">{t('flows.import.help')}</p>
        <label className="field">
          <span>{t('flows.import.file')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              error.clear();
            }}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('flows.import.publish')}
        </label>
        <FormError state={error.state} testId="import-errors" />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !file}>
            {busy ? t('common.working') : t('flows.import.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
