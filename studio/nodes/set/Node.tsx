import { memo } from 'react';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';
import { assignmentsShown as shown } from './assignments-shown.ts';

export const SetNode = memo(function SetNode({ id, data, selected }: FlowNodeProps<'set'>) {
  const outputs = useFixedOutputs('set');
  return (
    <NodeShell id={id} type="set" data={data} selected={selected} outputs={outputs}>
      <ul className="fx-assignments">
        {data.assignments.slice(0, shown).map((a, i) => (
          <li key={i}>
            <span className="fx-var-chip">{a.variable}</span> = <TemplateText text={a.value} />
          </li>
        ))}
        {data.assignments.length > shown && <li className="fx-muted">+{data.assignments.length - shown}</li>}
      </ul>
    </NodeShell>
  );
}, sameFace);
