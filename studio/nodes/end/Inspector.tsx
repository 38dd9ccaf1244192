import { useT } from '../../i18n/index.ts';
import { TemplateField } from '../form/TemplateField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function EndInspector({ node, update }: InspectorProps<'end'>) {
  const t = useT();
  return (
    <TemplateField
      label={t('editor.field.message')}
      value={node.data.message}
      multiline
      maxLength={4096}
      onChange={(message) => update({ message }, 'message')}
    />
  );
}
