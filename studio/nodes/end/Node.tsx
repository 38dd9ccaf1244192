import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const EndNode = memo(function EndNode({ id, data, selected }: FlowNodeProps<'end'>) {
  const outputs = useFixedOutputs('end');
  return (
    <NodeShell id={id} type="end" data={data} selected={selected} outputs={outputs}>
      {data.message && (
        <p className="fx-text">
          <TemplateText text={data.message} />
        </p>
      )}
    </NodeShell>
  );
}, sameFace);
