import { useEffect, useState } from 'react';
import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import { messageTemplatesApi } from '../../api/message-templates.ts';
import { useT } from '../../i18n/index.ts';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import type { InspectorProps } from '../inspector-props.ts';
import { templateRefOf } from './template-ref.ts';

/** Approved templates, fetched once per page load: the inspector opens and closes often. */
let approved: Promise<MessageTemplateView[]> | null = null;
const loadApproved = () =>
  (approved ??= messageTemplatesApi.list().then(
    (r) => r.templates.filter((x) => x.status === 'APPROVED'),
    () => {
      approved = null;
      return [];
    },
  ));

const keyOf = (t: { name: string; language: string }) => `${t.name}|${t.language}`;

/**
 * A message block's Meta template, sent every time: picked from the approved catalogue, each
 * parameter mapped from `{{variables}}` or literals; its quick replies become outputs. A
 * template sent only when the 24-hour window is closed is chosen in `WindowClosedSection`.
 */
export function TemplateSection({ node, update }: InspectorProps<'message'>) {
  const t = useT();
  if (node.data.templateWhen === 'window_closed') return null;
  const current = node.data.template;
  return (
    <details className="fx-advanced" open={current !== null}>
      <summary>{t('templates.block.section')}</summary>
      <TemplatePicker node={node} update={update} />
      {current && current.buttons.some((b) => b.kind === 'quick_reply') && (
        <NumberField
          label={t('editor.field.timeoutMinutes')}
          hint={t('editor.field.timeoutHint')}
          nullable
          value={node.data.timeoutMinutes}
          min={1}
          onChange={(timeoutMinutes) => update({ timeoutMinutes }, 'timeoutMinutes')}
        />
      )}
    </details>
  );
}

/** The approved template of a message block and its parameters, each from a `{{variable}}` or a literal. */
export function TemplatePicker({ node, update }: InspectorProps<'message'>) {
  const t = useT();
  const [templates, setTemplates] = useState<MessageTemplateView[]>([]);
  useEffect(() => {
    let live = true;
    void loadApproved().then((list) => live && setTemplates(list));
    return () => {
      live = false;
    };
  }, []);
  const current = node.data.template;
  const pick = (key: string) => {
    const view = templates.find((x) => keyOf(x) === key);
    update({ template: view ? templateRefOf(view, current) : null }, 'template');
  };
  const setParam = (part: 'header' | 'body', i: number, value: string) =>
    current &&
    update(
      { template: { ...current, [part]: current[part].map((p, at) => (at === i ? { ...p, value } : p)) } },
      `template.${part}.${i}`,
    );
  const options = templates.map((x) => ({ value: keyOf(x), label: `${x.name} (${x.language}) · ${x.channelName}` }));
  if (current && !options.some((o) => o.value === keyOf(current)))
    options.unshift({ value: keyOf(current), label: `${current.name} (${current.language})` });
  return (
    <>
      <SelectField
        label={t('templates.block.pick')}
        value={current ? keyOf(current) : ''}
        options={[{ value: '', label: t('templates.block.none') }, ...options]}
        onChange={pick}
      />
      {current &&
        (['header', 'body'] as const).flatMap((part) =>
          current[part].map((p, i) => (
            <TemplateField
              key={`${part}-${i}`}
              label={t('templates.block.param', {
                name: p.name ?? String(i + 1),
                part: t(`templates.block.${part}`),
              })}
              value={p.value}
              onChange={(value) => setParam(part, i, value)}
            />
          )),
        )}
    </>
  );
}
