import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { MediaThumb } from '../MediaThumb.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const MessageNode = memo(function MessageNode({ id, data, selected }: FlowNodeProps<'message'>) {
  const outputs = useFixedOutputs('message');
  const t = useT();
  return (
    <NodeShell id={id} type="message" data={data} selected={selected} outputs={outputs}>
      {data.media && <MediaThumb media={data.media} />}
      {data.text ? (
        <p className="fx-text">
          <TemplateText text={data.text} />
        </p>
      ) : (
        !data.media && <p className="fx-muted">{t('editor.face.empty')}</p>
      )}
    </NodeShell>
  );
}, sameFace);
