import { useEditor } from '../../editor/state/EditorProvider.tsx';
import { nodeLabel } from '../../editor/state/search.ts';
import { useT } from '../../i18n/index.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TextField } from '../form/TextField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function GotoInspector({ node, update }: InspectorProps<'goto'>) {
  const t = useT();
  const target = node.data.target;
  const nodes = useEditor((s) => s.flow.nodes);
  const choices = nodes.filter((n) => n.id !== node.id && n.type !== 'note' && n.type !== 'goto');
  return (
    <>
      <SelectField
        label={t('editor.field.gotoKind')}
        value={target?.kind ?? 'node'}
        options={[
          { value: 'node', label: t('editor.choice.goto.node') },
          { value: 'flow', label: t('editor.choice.goto.flow') },
        ]}
        onChange={(kind) => update({ target: kind === 'node' ? null : { kind: 'flow', flowId: '' } }, 'kind')}
      />
      {target?.kind === 'flow' ? (
        <TextField
          label={t('editor.field.gotoFlow')}
          mono
          value={target.flowId}
          onChange={(flowId) => update({ target: { kind: 'flow', flowId } }, 'flowId')}
        />
      ) : (
        <SelectField
          label={t('editor.field.gotoNode')}
          value={target?.nodeId ?? ''}
          options={[
            { value: '', label: '—' },
            ...choices.map((n) => ({ value: n.id, label: nodeLabel(n, t(`editor.node.${n.type}`)) })),
          ]}
          onChange={(nodeId) => update({ target: nodeId ? { kind: 'node', nodeId } : null }, 'nodeId')}
        />
      )}
    </>
  );
}
