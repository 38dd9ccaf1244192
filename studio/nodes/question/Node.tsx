import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const QuestionNode = memo(function QuestionNode({ id, data, selected }: FlowNodeProps<'question'>) {
  const t = useT();
  const outputs = useFixedOutputs('question');
  return (
    <NodeShell id={id} type="question" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        <TemplateText text={data.text} />
      </p>
      <div className="fx-row">
        <span className="fx-pill">{t(`editor.choice.kind.${data.kind}`)}</span>
        <span className="fx-meta">
          → <span className="fx-var-chip">{data.variable}</span>
        </span>
      </div>
    </NodeShell>
  );
}, sameFace);
