import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const HandoffNode = memo(function HandoffNode({ id, data, selected }: FlowNodeProps<'handoff'>) {
  const t = useT();
  const outputs = useFixedOutputs('handoff');
  return (
    <NodeShell id={id} type="handoff" data={data} selected={selected} outputs={outputs}>
      <div className="fx-row">
        <span className="fx-meta">{t('editor.face.team')}</span>
        <span className="fx-pill">{data.team}</span>
      </div>
    </NodeShell>
  );
}, sameFace);
