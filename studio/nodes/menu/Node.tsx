import { memo, useMemo } from 'react';
import { menuOutputs } from '../../../shared/flow/nodes/outputs.ts';
import { whatsappLimits } from '../../../shared/whatsapp-limits.ts';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const MenuNode = memo(function MenuNode({ id, data, selected }: FlowNodeProps<'menu'>) {
  const t = useT();
  // Handles from shared/flow/nodes/outputs.ts: one per option, then the fixed ones.
  const outputs = useMemo(
    () =>
      menuOutputs({ options: data.options }).map((handle, i) => {
        const option = data.options[i];
        return option
          ? {
              handle,
              label: (
                <>
                  <span className="fx-out__index">{i + 1}</span>
                  <TemplateText text={option.title} />
                </>
              ),
            }
          : { handle, label: t(outputLabelKey(handle)) };
      }),
    [data.options, t],
  );
  return (
    <NodeShell id={id} type="menu" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        <TemplateText text={data.text} />
      </p>
      <p className="fx-meta">
        {data.options.length === 0
          ? t('editor.face.noOptions')
          : data.options.length <= whatsappLimits.replyButtons
            ? t('editor.face.buttons')
            : t('editor.face.list')}
      </p>
    </NodeShell>
  );
}, sameFace);
