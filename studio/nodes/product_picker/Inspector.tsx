import { useT } from '../../i18n/index.ts';
import { CheckField } from '../form/CheckField.tsx';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';
import { CatalogFields } from './CatalogFields.tsx';

export function ProductPickerInspector({ node, update }: InspectorProps<'product_picker'>) {
  const t = useT();
  const { data } = node;
  return (
    <>
      <SelectField
        label={t('editor.field.mode')}
        value={data.mode}
        options={[
          { value: 'cart', label: t('editor.choice.mode.cart') },
          { value: 'single', label: t('editor.choice.mode.single') },
        ]}
        onChange={(mode) => update({ mode }, 'mode')}
      />
      <TemplateField
        label={t('editor.field.text')}
        value={data.text}
        multiline
        maxLength={1024}
        onChange={(text) => update({ text }, 'text')}
      />
      <VariableField
        label={t('editor.field.variable')}
        value={data.variable}
        onChange={(variable) => update({ variable }, 'variable')}
      />
      {data.mode === 'cart' && (
        <>
          <CheckField
            label={t('metaCatalog.pickerOption')}
            checked={data.productMessages}
            onChange={(productMessages) => update({ productMessages }, 'productMessages')}
          />
          <NumberField
            label={t('editor.field.maxQuantity')}
            value={data.maxQuantity}
            min={1}
            max={9999}
            onChange={(maxQuantity) => maxQuantity !== null && update({ maxQuantity }, 'maxQuantity')}
          />
          <TemplateField
            label={t('orders.picker.addressQuestion')}
            hint={t('orders.picker.addressQuestionHint')}
            value={data.addressQuestion}
            multiline
            maxLength={1024}
            onChange={(addressQuestion) => update({ addressQuestion }, 'addressQuestion')}
          />
          <VariableField
            label={t('orders.picker.addressVariable')}
            hint={t('orders.picker.deliveryHint')}
            value={data.addressVariable}
            onChange={(addressVariable) => update({ addressVariable }, 'addressVariable')}
          />
          <VariableField
            label={t('orders.picker.notesVariable')}
            value={data.notesVariable}
            onChange={(notesVariable) => update({ notesVariable }, 'notesVariable')}
          />
          <VariableField
            label={t('orders.picker.paymentVariable')}
            value={data.paymentVariable}
            onChange={(paymentVariable) => update({ paymentVariable }, 'paymentVariable')}
          />
        </>
      )}
      <CatalogFields node={node} update={update} />
      <NumberField
        label={t('editor.field.timeoutMinutes')}
        hint={t('editor.field.timeoutHint')}
        nullable
        value={data.timeoutMinutes}
        min={1}
        onChange={(timeoutMinutes) => update({ timeoutMinutes }, 'timeoutMinutes')}
      />
    </>
  );
}
