import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { SelectField } from '../form/SelectField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

const colors = ['yellow', 'blue', 'green', 'pink'] as const;

export function NoteInspector({ node, update }: InspectorProps<'note'>) {
  const t = useT();
  const id = useId();
  return (
    <>
      <div className="fx-field">
        <label className="fx-field__label" htmlFor={id}>
          {t('editor.field.text')}
        </label>
        <textarea
          id={id}
          className="fx-input"
          rows={8}
          maxLength={4000}
          value={node.data.text}
          onChange={(e) => update({ text: e.target.value }, 'text')}
        />
      </div>
      <SelectField
        label={t('editor.field.color')}
        value={node.data.color}
        options={colors.map((c) => ({ value: c, label: t(`editor.choice.color.${c}`) }))}
        onChange={(color) => update({ color }, 'color')}
      />
    </>
  );
}
