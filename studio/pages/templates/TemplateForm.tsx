import { useState, type FormEvent } from 'react';
import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import {
  draftProblems,
  templateCategories,
  templateLimits,
  variablesOf,
  type DraftButton,
  type TemplateDraft,
} from '../../../shared/message-templates/draft.ts';
import { api } from '../../api/client.ts';
import { messageTemplatesApi } from '../../api/message-templates.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormError, useFormError } from '../../ui/FormError.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { ButtonsEditor } from './ButtonsEditor.tsx';
import { draftPreview } from './draft-preview.ts';
import { TemplatePreview } from './TemplatePreview.tsx';
import { FormFooter } from '../../ui/FormFooter.tsx';

const languages = ['pt_BR', 'en_US', 'es', 'es_MX', 'pt_PT'] as const;

/**
 * A new template for Meta's review: name, language, category, texts with `{{1}}` or
 * `{{nome}}` parameters and an example for each, buttons; previewed as WhatsApp draws it and
 * checked with the server's own rules (shared/message-templates/draft.ts) as the user types.
 */
export function TemplateForm({ onClose, onCreated }: { onClose(): void; onCreated(t: MessageTemplateView): void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const channels = useResource(async () => (await api.listChannels()).channels, []);
  const [draft, setDraft] = useState<Omit<TemplateDraft, 'channelId'>>({
    name: '',
    language: 'pt_BR',
    category: 'UTILITY',
    header: '',
    body: '',
    footer: '',
    examples: {},
    buttons: [],
  });
  const [channelId, setChannelId] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const error = useFormError();
  const channel = channelId || channels.data?.find((c) => c.wabaId)?.id || channels.data?.[0]?.id || '';
  const full: TemplateDraft = { ...draft, channelId: channel };
  // A few regexes over a few short texts: cheap enough on every keystroke.
  const problems = draftProblems(full);
  const variables = [...new Set([...variablesOf(draft.header), ...variablesOf(draft.body)])];
  const set = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));

  /** A field's problems, once the user wrote there or tried to submit. */
  const problemsOf = (field: string, value: string) =>
    tried || value !== '' ? problems.filter((p) => p.field === field).map((p) => p.messages[locale]) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    error.clear();
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const examples = Object.fromEntries(variables.map((v) => [v, draft.examples[v] ?? '']));
      const created = await messageTemplatesApi.create({ ...full, examples });
      onCreated(created.template);
    } catch (err) {
      error.fail(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('tplCreate.title')} onClose={onClose} testId="template-form" size="large">
      <form className="tpl-form" onSubmit={submit} noValidate>
        <div className="stack">
          <label className="field">
            <span>{t('tplCreate.channel')}</span>
            <select value={channel} onChange={(e) => setChannelId(e.target.value)}>
              {(channels.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <Field label={t('tplCreate.name')} hint={t('tplCreate.nameHint')} problems={problemsOf('name', draft.name)}>
            <input
              name="name"
              value={draft.name}
              maxLength={templateLimits.name}
              autoCapitalize="off"
              spellCheck={false}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
          <div className="two">
            <Field label={t('tplCreate.language')} problems={problemsOf('language', draft.language)}>
              <input
                name="language"
                list="tpl-languages"
                value={draft.language}
                onChange={(e) => set({ language: e.target.value.trim() })}
              />
              <datalist id="tpl-languages">
                {languages.map((l) => (
                  <option key={l} value={l} />
                ))}
              </datalist>
            </Field>
            <Field label={t('tplCreate.category')} problems={problemsOf('category', 'x')}>
              <select
                name="category"
                value={draft.category}
                onChange={(e) => set({ category: e.target.value as TemplateDraft['category'] })}
              >
                {templateCategories.map((c) => (
                  <option key={c} value={c}>
                    {t(`templates.category.${c.toLowerCase() as Lower}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            label={t('tplCreate.header')}
            hint={t('tplCreate.limit', { max: templateLimits.header })}
            problems={problemsOf('header', draft.header)}
          >
            <input name="header" value={draft.header} onChange={(e) => set({ header: e.target.value })} />
          </Field>
          <Field label={t('tplCreate.body')} hint={t('tplCreate.bodyHint')} problems={problemsOf('body', draft.body)}>
            <textarea name="body" rows={5} value={draft.body} onChange={(e) => set({ body: e.target.value })} />
          </Field>
          {variables.map((v) => (
            <Field
              key={v}
              label={t('tplCreate.example', { name: v })}
              problems={problemsOf(`examples.${v}`, draft.examples[v] ?? '')}
            >
              <input
                name={`example-${v}`}
                value={draft.examples[v] ?? ''}
                onChange={(e) => set({ examples: { ...draft.examples, [v]: e.target.value } })}
              />
            </Field>
          ))}
          <Field
            label={t('tplCreate.footer')}
            hint={t('tplCreate.limit', { max: templateLimits.footer })}
            problems={problemsOf('footer', draft.footer)}
          >
            <input name="footer" value={draft.footer} onChange={(e) => set({ footer: e.target.value })} />
          </Field>
          <ButtonsEditor
            buttons={draft.buttons}
            onChange={(buttons: DraftButton[]) => set({ buttons })}
            problemsOf={(field, value) => problemsOf(field, value)}
          />
          <FormError state={error.state} testId="template-form-error" />
          {tried && problems.length > 0 ? (
            <p className="form-error" role="alert">
              {t('tplCreate.fix', { count: problems.length })}
            </p>
          ) : null}
          <FormFooter
            error={null}
            busy={busy}
            onCancel={onClose}
            submitLabel={t('tplCreate.submit')}
            busyLabel={t('tplCreate.submitting')}
          />
        </div>
        <aside className="tpl-form-preview" aria-label={t('tplCreate.preview')}>
          <h3 className="small muted">{t('tplCreate.preview')}</h3>
          <TemplatePreview template={draftPreview(draft)} />
        </aside>
      </form>
    </Dialog>
  );
}

type Lower = 'marketing' | 'utility' | 'authentication';

function Field({
  label,
  hint,
  problems,
  children,
}: {
  label: string;
  hint?: string;
  problems: string[];
  children: React.ReactNode;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {hint ? <small className="muted small">{hint}</small> : null}
      {problems.map((p) => (
        <small key={p} className="tpl-problem" data-testid="template-form-problem">
          {p}
        </small>
      ))}
    </label>
  );
}
