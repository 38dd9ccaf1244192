import { memo } from 'react';
import { useEditor } from '../../editor/state/EditorProvider.tsx';
import { nodeLabel } from '../../editor/state/search.ts';
import { useT } from '../../i18n/index.ts';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const GotoNode = memo(function GotoNode({ id, data, selected }: FlowNodeProps<'goto'>) {
  const outputs = useFixedOutputs('goto');
  const t = useT();
  const target = data.target;
  // Named by its type and words, as in the inspector's list: the id means nothing to the user.
  const targetName = useEditor((s) => {
    const to = target?.kind === 'node' ? s.flow.nodes.find((n) => n.id === target.nodeId) : undefined;
    return to ? nodeLabel(to, t(`editor.node.${to.type}`)) : undefined;
  });
  return (
    <NodeShell id={id} type="goto" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text" title={targetName}>
        {!target && <span className="fx-muted">{t('editor.face.gotoNone')}</span>}
        {target?.kind === 'node' && <>→ {targetName ?? <code>{target.nodeId}</code>}</>}
        {target?.kind === 'flow' && <>→ {t('editor.face.gotoFlow', { id: target.flowId })}</>}
      </p>
    </NodeShell>
  );
}, sameFace);
