import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { NodeShell } from '../NodeShell.tsx';
import { useFixedOutputs } from '../use-fixed-outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

export const PaymentNode = memo(function PaymentNode({ id, data, selected }: FlowNodeProps<'payment'>) {
  const t = useT();
  const outputs = useFixedOutputs('payment');
  return (
    <NodeShell id={id} type="payment" data={data} selected={selected} outputs={outputs}>
      <p className="fx-text">{t('payment.face.amount', { amount: data.amount || '—' })}</p>
    </NodeShell>
  );
}, sameFace);
