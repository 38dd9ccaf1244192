import { memo, useMemo } from 'react';
import { messageOutputs } from '../../../shared/flow/nodes/outputs.ts';
import { quickReplies } from '../../../shared/flow/nodes/message-template.ts';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { MediaThumb } from '../MediaThumb.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps, type OutputRow } from '../node-props.ts';

export const MessageNode = memo(function MessageNode({ id, data, selected }: FlowNodeProps<'message'>) {
  const t = useT();
  const outputs = useMemo((): OutputRow[] => {
    const replies = data.template ? quickReplies(data.template) : [];
    const handles = messageOutputs(data);
    // A lone `next` is drawn below without a label; NodeShell adds `window_closed` when shown.
    return handles.length === 1
      ? handles.map((handle) => ({ handle, label: null }))
      : handles.map((handle, i) => {
          const reply = replies[i];
          return reply ? { handle, label: reply.title } : { handle, label: t(outputLabelKey(handle)) };
        });
  }, [data, t]);
  return (
    <NodeShell id={id} type="message" data={data} selected={selected} outputs={outputs}>
      {data.template && (
        <p className="fx-meta" data-testid="message-template-name">
          {t('editor.face.template', { name: data.template.name })}
        </p>
      )}
      {data.media && <MediaThumb media={data.media} />}
      {data.text ? (
        <p className="fx-text">
          <TemplateText text={data.text} />
        </p>
      ) : (
        !data.media && !data.template && <p className="fx-muted">{t('editor.face.empty')}</p>
      )}
    </NodeShell>
  );
}, sameFace);
