import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const ScheduleNode = memo(function ScheduleNode({ id, data, selected }: FlowNodeProps<'schedule'>) {
  const t = useT();
  const outputs = useFixedOutputs('schedule');
  return (
    <NodeShell id={id} type="schedule" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        <TemplateText text={data.dayText} />
      </p>
      <div className="fx-row">
        <span className="fx-pill">{data.agendaId ? t('agenda.node.agendaSet') : t('agenda.node.noAgenda')}</span>
        <span className="fx-meta">
          → <span className="fx-var-chip">{data.variable}</span>
        </span>
      </div>
    </NodeShell>
  );
}, sameFace);
