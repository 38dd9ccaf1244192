import { memo, useMemo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const QuestionNode = memo(function QuestionNode({ id, data, selected }: FlowNodeProps<'question'>) {
  const t = useT();
  const outputs = useMemo(
    () => [
      { handle: 'next', label: t('editor.output.valid') },
      { handle: 'invalid', label: t(outputLabelKey('invalid')) },
      { handle: 'timeout', label: t(outputLabelKey('timeout')) },
    ],
    [t],
  );
  return (
    <NodeShell id={id} type="question" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text"><TemplateText text={data.text} /></p>
      <div className="fx-row">
        <span className="fx-pill">{t(`editor.choice.kind.${data.kind}`)}</span>
        <span className="fx-meta">→ <span className="fx-var-chip">{data.variable}</span></span>
      </div>
    </NodeShell>
  );
}, sameFace);
