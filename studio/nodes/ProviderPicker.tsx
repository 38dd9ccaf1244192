import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { Field } from './form/Field.tsx';
import { SelectField } from './form/SelectField.tsx';

interface Choices {
  providers: { name: string; model: string; isDefault: boolean }[];
  environmentModel: string | null;
}

/**
 * The named provider of Configurações an AI block uses (empty: the default one) and its model,
 * with the configured models as suggestions (empty: the provider's own model).
 */
export function ProviderPicker({
  provider,
  model,
  onProvider,
  onModel,
}: {
  provider: string;
  model: string;
  onProvider(provider: string): void;
  onModel(model: string): void;
}) {
  const t = useT();
  const listId = useId();
  const [choices, setChoices] = useState<Choices | null>(null);
  useEffect(() => {
    let live = true;
    api.aiProviderChoices().then(
      (r) => live && setChoices(r),
      () => live && setChoices({ providers: [], environmentModel: null }),
    );
    return () => {
      live = false;
    };
  }, []);
  const providers = choices?.providers ?? [];
  const fallback = providers.find((p) => p.isDefault);
  const chosen = provider ? providers.find((p) => p.name === provider) : fallback;
  const options = [
    {
      value: '',
      label: fallback ? t('agent.provider.default', { name: fallback.name }) : t('agent.provider.defaultUnnamed'),
    },
    ...providers.map((p) => ({ value: p.name, label: `${p.name} · ${p.model}` })),
    // A name Configurações no longer has stays visible (and validation says so) rather than blank.
    ...(provider && choices && !providers.some((p) => p.name === provider)
      ? [{ value: provider, label: t('agent.provider.missing', { name: provider }) }]
      : []),
  ];
  const suggestions = [
    ...new Set([chosen?.model, choices?.environmentModel, ...providers.map((p) => p.model)].filter(Boolean)),
  ] as string[];
  const defaultModel = chosen?.model ?? (provider ? '' : (choices?.environmentModel ?? ''));
  return (
    <div className="fx-grid-2">
      <SelectField
        label={t('agent.provider')}
        hint={t('agent.providerHint')}
        value={provider}
        options={options}
        onChange={onProvider}
      />
      <Field label={t('agent.model')} hint={t('agent.modelHint')}>
        {(id, hintId) => (
          <>
            <input
              id={id}
              className="fx-input"
              list={`${listId}-models`}
              value={model}
              placeholder={defaultModel}
              aria-describedby={hintId}
              onChange={(e) => onModel(e.target.value)}
            />
            <datalist id={`${listId}-models`}>
              {suggestions.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        )}
      </Field>
    </div>
  );
}
