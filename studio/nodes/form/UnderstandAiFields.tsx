import { useId } from 'react';
import type { UnderstandAi } from '../../../shared/flow/nodes/understand-ai.ts';
import { useT } from '../../i18n/index.ts';
import { ProviderPicker } from '../ProviderPicker.tsx';
import { NumberField } from './NumberField.tsx';

/** "Entender com IA" of a menu or question: on/off, the named provider and model, the confidence needed. */
export function UnderstandAiFields({ value, onChange }: { value: UnderstandAi; onChange(value: UnderstandAi): void }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="fx-fieldset">
      <legend>{t('intent.ai')}</legend>
      <div className="fx-check">
        <input
          id={id}
          type="checkbox"
          checked={value.enabled}
          onChange={(e) => onChange({ ...value, enabled: e.target.checked })}
        />
        <label htmlFor={id}>{t('intent.ai.enabled')}</label>
      </div>
      <p className="fx-field__hint">{t('intent.ai.hint')}</p>
      {value.enabled && (
        <>
          <ProviderPicker
            provider={value.provider}
            model={value.model}
            onProvider={(provider) => onChange({ ...value, provider })}
            onModel={(model) => onChange({ ...value, model })}
          />
          <NumberField
            label={t('intent.ai.threshold')}
            hint={t('intent.ai.thresholdHint')}
            value={value.threshold}
            min={0}
            max={1}
            step={0.05}
            onChange={(threshold) => threshold !== null && onChange({ ...value, threshold })}
          />
        </>
      )}
    </fieldset>
  );
}
