import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const ProductPickerNode = memo(function ProductPickerNode({
  id,
  data,
  selected,
}: FlowNodeProps<'product_picker'>) {
  const t = useT();
  const outputs = useFixedOutputs('product_picker');
  return (
    <NodeShell id={id} type="product_picker" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">
        <TemplateText text={data.text} />
      </p>
      <div className="fx-row">
        <span className="fx-pill">{t(data.mode === 'cart' ? 'editor.face.modeCart' : 'editor.face.modeSingle')}</span>
        <span className="fx-meta">
          → <span className="fx-var-chip">{data.variable}</span>
        </span>
      </div>
    </NodeShell>
  );
}, sameFace);
