import { useState, type FormEvent } from 'react';
import type { FlowVariable } from '../../shared/flow/schema.ts';
import { useT } from '../i18n/index.ts';

type Value = string | number;

interface CampaignStartProps {
  /** Variables with no initial value: what a campaign fills in for each contact. */
  variables: FlowVariable[];
  disabled: boolean;
  onStart(values: Record<string, Value>): void;
}

/** A number variable is sent as a number when it reads as one ("12", "12,5"), as a campaign would. */
function valueOf(variable: FlowVariable, typed: string): Value {
  if (variable.type !== 'number') return typed;
  const n = Number(typed.replace(',', '.'));
  return Number.isFinite(n) ? n : typed;
}

/**
 * Flows a campaign starts (a billing reminder) speak first and read values the campaign
 * brings: the simulator offers to start them that way, with test values, so the first
 * message does not read "Olá, ! A fatura de R$ …" with blanks.
 */
export function CampaignStart({ variables, disabled, onStart }: CampaignStartProps) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled: Record<string, Value> = {};
    for (const variable of variables) {
      const typed = values[variable.name]?.trim() ?? '';
      if (typed) filled[variable.name] = valueOf(variable, typed);
    }
    onStart(filled);
  };
  return (
    <form className="campaign-start" onSubmit={submit} data-testid="sim-campaign">
      <p className="muted small">{t('sim.campaign.intro')}</p>
      {variables.map((variable) => (
        <label key={variable.name} className="campaign-field">
          <span>{variable.name}</span>
          <input
            value={values[variable.name] ?? ''}
            inputMode={variable.type === 'number' ? 'decimal' : undefined}
            onChange={(e) => setValues((current) => ({ ...current, [variable.name]: e.target.value }))}
          />
        </label>
      ))}
      <button type="submit" className="button small" disabled={disabled}>
        {t('sim.campaign.start')}
      </button>
    </form>
  );
}
