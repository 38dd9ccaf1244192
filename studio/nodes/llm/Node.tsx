import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

/** The prompt's first words are enough to recognise the node; the inspector has the rest. */
const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);

export const LlmNode = memo(function LlmNode({ id, data, selected }: FlowNodeProps<'llm'>) {
  const outputs = useFixedOutputs(['next', 'escalate', 'error']);
  return (
    <NodeShell id={id} type="llm" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text fx-text--prompt"><TemplateText text={preview(data.systemPrompt)} /></p>
    </NodeShell>
  );
}, sameFace);
