import { useT } from '../../i18n/index.ts';
import { NumberField } from '../form/NumberField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

export function PaymentInspector({ node, update }: InspectorProps<'payment'>) {
  const t = useT();
  const { data } = node;
  return (
    <>
      <TemplateField
        label={t('payment.field.amount')}
        hint={t('payment.field.amountHint')}
        value={data.amount}
        onChange={(amount) => update({ amount }, 'amount')}
        maxLength={200}
      />
      <TemplateField
        label={t('payment.field.description')}
        value={data.description}
        onChange={(description) => update({ description }, 'description')}
        maxLength={200}
      />
      <NumberField
        label={t('payment.field.expiry')}
        hint={t('payment.field.expiryHint')}
        nullable
        value={data.expiryMinutes}
        min={1}
        max={43200}
        onChange={(expiryMinutes) => update({ expiryMinutes }, 'expiryMinutes')}
      />
      <TemplateField
        label={t('payment.field.message')}
        value={data.message}
        multiline
        onChange={(message) => update({ message }, 'message')}
        maxLength={1024}
      />
      <TemplateField
        label={t('payment.field.paidMessage')}
        value={data.paidMessage}
        multiline
        onChange={(paidMessage) => update({ paidMessage }, 'paidMessage')}
        maxLength={1024}
      />
    </>
  );
}
