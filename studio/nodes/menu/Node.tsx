import { memo, useMemo } from 'react';
import { optionHandle } from '../../../shared/flow/nodes/outputs.ts';
import { whatsappLimits } from '../../../shared/whatsapp-limits.ts';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const MenuNode = memo(function MenuNode({ id, data, selected }: FlowNodeProps<'menu'>) {
  const t = useT();
  const outputs = useMemo(
    () => [
      ...data.options.map((o, i) => ({
        handle: optionHandle(o.id),
        label: <><span className="fx-out__index">{i + 1}</span><TemplateText text={o.title} /></>,
      })),
      { handle: 'invalid', label: t(outputLabelKey('invalid')) },
      { handle: 'timeout', label: t(outputLabelKey('timeout')) },
    ],
    [data.options, t],
  );
  return (
    <NodeShell id={id} type="menu" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text"><TemplateText text={data.text} /></p>
      <p className="fx-meta">
        {data.options.length === 0 ? t('editor.face.noOptions') : data.options.length <= whatsappLimits.replyButtons ? t('editor.face.buttons') : t('editor.face.list')}
      </p>
    </NodeShell>
  );
}, sameFace);
