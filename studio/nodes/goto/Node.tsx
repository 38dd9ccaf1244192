import { memo } from 'react';
import { useEditor } from '../../editor/EditorProvider.tsx';
import { useT } from '../../i18n/index.ts';
import { NodeShell } from '../NodeShell.tsx';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

const outputs: never[] = [];

export const GotoNode = memo(function GotoNode({ id, data, selected }: FlowNodeProps<'goto'>) {
  const t = useT();
  const target = data.target;
  const targetType = useEditor((s) =>
    target?.kind === 'node' ? s.flow.nodes.find((n) => n.id === target.nodeId)?.type : undefined,
  );
  return (
    <NodeShell id={id} type="goto" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        {!target && <span className="fx-muted">{t('editor.face.gotoNone')}</span>}
        {target?.kind === 'node' && <>→ {targetType ? t(`editor.node.${targetType}`) : ''} <code>{target.nodeId}</code></>}
        {target?.kind === 'flow' && <>→ {t('editor.face.gotoFlow', { id: target.flowId })}</>}
      </p>
    </NodeShell>
  );
}, sameFace);
