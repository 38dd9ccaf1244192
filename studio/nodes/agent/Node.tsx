import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';
import { promptPreview } from '../llm/prompt-preview.ts';

/** The agent's face: its instructions, like the AI reply block (the tools are in the inspector). */
export const AgentNode = memo(function AgentNode({ id, data, selected }: FlowNodeProps<'agent'>) {
  const outputs = useFixedOutputs('agent');
  return (
    <NodeShell id={id} type="agent" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text fx-text--prompt">
        <TemplateText text={promptPreview(data.instructions)} />
      </p>
    </NodeShell>
  );
}, sameFace);
