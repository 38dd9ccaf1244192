import { amortizationSystems } from '../../../shared/flow/nodes/financing.ts';
import { useT } from '../../i18n/index.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

/** A typed number stays a number; anything else (`{{valor}}`) is kept as a template. */
function numberOrTemplate(text: string): number | string {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

export function FinancingInspector({ node, update }: InspectorProps<'financing'>) {
  const t = useT();
  const { data } = node;
  const amount = (key: 'price' | 'downPayment' | 'rate' | 'termMonths') => (
    <TemplateField
      label={t(`editor.field.${key}`)}
      value={String(data[key])}
      onChange={(v) => update({ [key]: numberOrTemplate(v) }, key)}
    />
  );
  return (
    <>
      <SelectField
        label={t('editor.field.system')}
        value={data.system}
        options={amortizationSystems.map((s) => ({ value: s, label: t(`editor.choice.system.${s}`) }))}
        onChange={(system) => update({ system }, 'system')}
      />
      {amount('price')}
      {amount('downPayment')}
      <div className="fx-grid-2">
        {amount('rate')}
        <SelectField
          label={t('editor.field.ratePeriod')}
          value={data.ratePeriod}
          options={[
            { value: 'year', label: t('editor.choice.period.year') },
            { value: 'month', label: t('editor.choice.period.month') },
          ]}
          onChange={(ratePeriod) => update({ ratePeriod }, 'ratePeriod')}
        />
      </div>
      {amount('termMonths')}
      <VariableField
        label={t('editor.field.resultVariable')}
        value={data.resultVariable}
        onChange={(resultVariable) => update({ resultVariable }, 'resultVariable')}
      />
    </>
  );
}
