import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const StartNode = memo(function StartNode({ id, data, selected }: FlowNodeProps<'start'>) {
  const outputs = useFixedOutputs('start');
  const t = useT();
  return (
    <NodeShell id={id} type="start" data={data} selected={selected} outputs={outputs}>
      {data.keywords.length > 0 ? (
        <div className="fx-tags" aria-label={t('editor.face.keywords')}>
          {data.keywords.map((k) => (
            <span key={k} className="fx-tag">
              {k}
            </span>
          ))}
        </div>
      ) : (
        <p className="fx-muted">{t('editor.face.anyMessage')}</p>
      )}
    </NodeShell>
  );
}, sameFace);
