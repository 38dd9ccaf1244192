import { memo } from 'react';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { formatDuration } from '../format-duration.ts';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const WaitNode = memo(function WaitNode({ id, data, selected }: FlowNodeProps<'wait'>) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const outputs = useFixedOutputs('wait');
  return (
    <NodeShell id={id} type="wait" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        {data.durationMinutes === null
          ? t('editor.face.waitReply')
          : t('editor.face.waitFor', { time: formatDuration(data.durationMinutes, locale) })}
      </p>
    </NodeShell>
  );
}, sameFace);
