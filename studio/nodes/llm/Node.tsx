import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';
import { promptPreview } from './prompt-preview.ts';

export const LlmNode = memo(function LlmNode({ id, data, selected }: FlowNodeProps<'llm'>) {
  const outputs = useFixedOutputs('llm');
  return (
    <NodeShell id={id} type="llm" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text fx-text--prompt">
        <TemplateText text={promptPreview(data.systemPrompt)} />
      </p>
    </NodeShell>
  );
}, sameFace);
