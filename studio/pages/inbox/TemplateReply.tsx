import { useEffect, useState, type FormEvent } from 'react';
import type { HandoffTemplate } from '../../../shared/api/handoffs.ts';
import { api, ApiError } from '../../api/client.ts';
import { inboxMediaApi } from '../../api/inbox-media.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { fillBody, prefillParameters } from './template-prefill.ts';

interface TemplateReplyProps {
  handoffId: string;
  variables: Record<string, unknown>;
  contactName: string;
  onChanged(): void;
}

/** Outside the 24-hour window: pick an approved template, check its values, send it. */
export function TemplateReply({ handoffId, variables, contactName, onChanged }: TemplateReplyProps) {
  const t = useT();
  const [templates, setTemplates] = useState<HandoffTemplate[] | null>(null);
  const [chosen, setChosen] = useState<HandoffTemplate | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    inboxMediaApi
      .templates(handoffId)
      .then((r) => live && setTemplates(r.templates))
      .catch((err: unknown) => live && setError(errorText(err, t)));
    return () => {
      live = false;
    };
  }, [handoffId, t]);

  const choose = (id: string) => {
    const template = templates?.find((x) => x.id === id) ?? null;
    setChosen(template);
    setValues(template ? prefillParameters(template.parameters, variables, contactName) : []);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || busy || values.some((v) => !v.trim())) return;
    setBusy(true);
    setError(null);
    try {
      await api.replyToHandoff(handoffId, { template: { id: chosen.id, parameters: values } });
      setChosen(null);
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
      if (err instanceof ApiError && err.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };

  if (templates === null && !error) return null;
  return (
    <form className="inbox-template" onSubmit={send} data-testid="template-reply">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {templates && templates.length === 0 ? <p className="muted small">{t('inbox.template.none')}</p> : null}
      {templates && templates.length > 0 ? (
        <>
          <label className="field">
            <span>{t('inbox.template.pick')}</span>
            <select className="fx-input fx-select" value={chosen?.id ?? ''} onChange={(e) => choose(e.target.value)}>
              <option value="">{t('inbox.template.choose')}</option>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.language})
                </option>
              ))}
            </select>
          </label>
          {chosen ? (
            <>
              {chosen.parameters.map((name, i) => (
                <label key={name} className="field">
                  <span>{t('inbox.template.param', { name: `{{${name}}}` })}</span>
                  <input
                    className="fx-input"
                    value={values[i] ?? ''}
                    maxLength={1024}
                    required
                    onChange={(e) => setValues((old) => old.map((v, j) => (j === i ? e.target.value : v)))}
                  />
                </label>
              ))}
              <p className="muted small">{t('inbox.template.preview')}</p>
              <p className="inbox-template-preview" data-testid="template-preview">
                {fillBody(chosen.body, chosen.parameters, values)}
              </p>
              <button type="submit" className="button primary" disabled={busy || values.some((v) => !v.trim())}>
                {busy ? t('common.working') : t('inbox.template.send')}
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </form>
  );
}
