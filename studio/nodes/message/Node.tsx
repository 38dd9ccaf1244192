import { memo, useMemo } from 'react';
import { messageOutputs, windowClosedOutput } from '../../../shared/flow/nodes/outputs.ts';
import { quickReplies } from '../../../shared/flow/nodes/message-template.ts';
import { useEditor } from '../../editor/state/EditorProvider.tsx';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { MediaThumb } from '../MediaThumb.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps, type OutputRow } from '../node-props.ts';

export const MessageNode = memo(function MessageNode({ id, data, selected }: FlowNodeProps<'message'>) {
  const t = useT();
  // `window_closed` is drawn only where an edge uses it, so ordinary canvases stay as they were.
  const windowClosedLinked = useEditor((s) =>
    s.flow.edges.some((e) => e.source === id && e.sourceHandle === windowClosedOutput),
  );
  const outputs = useMemo((): OutputRow[] => {
    const replies = data.template ? quickReplies(data.template) : [];
    const handles = messageOutputs(data);
    const rows: OutputRow[] =
      handles.length === 1
        ? handles.map((handle) => ({ handle, label: windowClosedLinked ? t(outputLabelKey(handle)) : null }))
        : handles.map((handle, i) => {
            const reply = replies[i];
            return reply ? { handle, label: reply.title } : { handle, label: t(outputLabelKey(handle)) };
          });
    return windowClosedLinked
      ? [...rows, { handle: windowClosedOutput, label: t('editor.output.window_closed') }]
      : rows;
  }, [data, t, windowClosedLinked]);
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
