import { useId } from 'react';
import { questionKinds } from '../../../shared/flow/nodes/question.ts';
import { useT } from '../../i18n/index.ts';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { UnderstandAiFields } from '../form/UnderstandAiFields.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function QuestionInspector({ node, update }: InspectorProps<'question'>) {
  const t = useT();
  const futureOnlyId = useId();
  const { data } = node;
  const bounded = data.kind === 'text' || data.kind === 'number';
  return (
    <>
      <TemplateField
        label={t('editor.field.text')}
        value={data.text}
        multiline
        maxLength={4096}
        onChange={(text) => update({ text }, 'text')}
      />
      <SelectField
        label={t('editor.field.kind')}
        value={data.kind}
        options={questionKinds.map((k) => ({ value: k, label: t(`editor.choice.kind.${k}`) }))}
        onChange={(kind) => update({ kind }, 'kind')}
      />
      <VariableField
        label={t('editor.field.variable')}
        value={data.variable}
        onChange={(variable) => update({ variable }, 'variable')}
      />
      {bounded && (
        <div className="fx-grid-2">
          <NumberField
            label={t('editor.field.min')}
            nullable
            value={data.min}
            onChange={(min) => update({ min }, 'min')}
          />
          <NumberField
            label={t('editor.field.max')}
            nullable
            value={data.max}
            onChange={(max) => update({ max }, 'max')}
          />
        </div>
      )}
      {data.kind === 'date' && (
        <div className="fx-check">
          <input
            id={futureOnlyId}
            type="checkbox"
            checked={data.futureOnly}
            aria-describedby={`${futureOnlyId}-hint`}
            onChange={(e) => update({ futureOnly: e.target.checked }, 'futureOnly')}
          />
          <div>
            <label htmlFor={futureOnlyId}>{t('editor.field.futureOnly')}</label>
            <p className="fx-field__hint" id={`${futureOnlyId}-hint`}>
              {t('editor.field.futureOnlyHint')}
            </p>
          </div>
        </div>
      )}
      {data.kind !== 'location' && data.kind !== 'media' && (
        <UnderstandAiFields value={data.ai} onChange={(ai) => update({ ai }, 'ai')} />
      )}
      <details className="fx-advanced">
        <summary>{t('editor.inspector.advanced')}</summary>
        <NumberField
          label={t('editor.field.retries')}
          value={data.retries}
          min={0}
          max={10}
          onChange={(retries) => retries !== null && update({ retries }, 'retries')}
        />
        <TemplateField
          label={t('editor.field.retryMessage')}
          value={data.retryMessage}
          onChange={(retryMessage) => update({ retryMessage }, 'retryMessage')}
        />
        <NumberField
          label={t('editor.field.timeoutMinutes')}
          hint={t('editor.field.timeoutHint')}
          nullable
          value={data.timeoutMinutes}
          min={1}
          onChange={(timeoutMinutes) => update({ timeoutMinutes }, 'timeoutMinutes')}
        />
      </details>
    </>
  );
}
