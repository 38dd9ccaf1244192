import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const HttpNode = memo(function HttpNode({ id, data, selected }: FlowNodeProps<'http'>) {
  const outputs = useFixedOutputs('http');
  return (
    <NodeShell id={id} type="http" data={data} selected={selected} outputs={outputs}>
      <p className="fx-http">
        <span className={`fx-method fx-method--${data.method.toLowerCase()}`}>{data.method}</span>
        <span className="fx-url">
          <TemplateText text={data.url} />
        </span>
      </p>
    </NodeShell>
  );
}, sameFace);
