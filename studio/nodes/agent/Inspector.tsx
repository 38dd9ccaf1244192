import { useEffect, useId, useState } from 'react';
import { agentToolNames, type AgentData, type AgentToolName } from '../../../shared/flow/nodes/agent.ts';
import { httpMethods } from '../../../shared/flow/nodes/http.ts';
import { agendaApi, type AgendaView } from '../../api/agenda.ts';
import { useT } from '../../i18n/index.ts';
import { ListEditor } from '../form/ListEditor.tsx';
import { NumberField } from '../form/NumberField.tsx';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import { VariableField } from '../form/VariableField.tsx';
import type { InspectorProps } from '../inspector-props.ts';
import { ProviderPicker } from '../ProviderPicker.tsx';

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  const id = useId();
  return (
    <div className="fx-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** The agendas of the Agenda page; null while loading. */
function useAgendas(): AgendaView[] | null {
  const [agendas, setAgendas] = useState<AgendaView[] | null>(null);
  useEffect(() => {
    let live = true;
    agendaApi
      .list()
      .then((r) => live && setAgendas(r.agendas))
      .catch(() => live && setAgendas([]));
    return () => {
      live = false;
    };
  }, []);
  return agendas;
}

export function AgentInspector({ node, update }: InspectorProps<'agent'>) {
  const t = useT();
  const { data } = node;
  const limit = (key: keyof AgentData['limits'], min: number, max: number, step?: number) => (
    <NumberField
      label={t(`agent.limits.${key}`)}
      value={data.limits[key]}
      min={min}
      max={max}
      step={step}
      onChange={(v) => v !== null && update({ limits: { ...data.limits, [key]: v } }, `limits.${key}`)}
    />
  );
  const agendas = useAgendas();
  const agendaOptions = [
    { value: '', label: t('agenda.node.pick') },
    ...(agendas ?? []).map((a) => ({ value: a.id, label: a.name })),
    // An id the list does not know (another install's) stays visible rather than silently blank.
    ...(data.agendaId && agendas && !agendas.some((a) => a.id === data.agendaId)
      ? [{ value: data.agendaId, label: data.agendaId }]
      : []),
  ];
  const toggleTool = (name: AgentToolName, on: boolean) =>
    update({ tools: on ? [...data.tools, name] : data.tools.filter((x) => x !== name) }, `tool:${name}`);
  return (
    <>
      <TemplateField
        label={t('agent.instructions')}
        value={data.instructions}
        multiline
        rows={8}
        onChange={(instructions) => update({ instructions }, 'instructions')}
      />
      <fieldset className="fx-fieldset">
        <legend>{t('agent.tools')}</legend>
        {agentToolNames.map((name) => (
          <div key={name}>
            <Check
              label={t(`agent.tool.${name}`)}
              checked={data.tools.includes(name)}
              onChange={(on) => toggleTool(name, on)}
            />
            {data.tools.includes(name) && (
              <TextField
                label={t('agent.toolInstructions')}
                value={data.toolInstructions[name] ?? ''}
                onChange={(text) =>
                  update({ toolInstructions: { ...data.toolInstructions, [name]: text } }, `ti:${name}`)
                }
              />
            )}
          </div>
        ))}
      </fieldset>
      {data.tools.includes('set_variables') && (
        <ListEditor
          label={t('editor.field.llmVariables')}
          items={data.variables}
          keyOf={(_, i) => String(i)}
          onAdd={() => update({ variables: [...data.variables, { name: '', description: '' }] }, 'add')}
          onRemove={(i) => update({ variables: data.variables.filter((_, j) => j !== i) }, 'remove')}
          render={(v, i) => (
            <>
              <VariableField
                label={t('editor.field.name')}
                value={v.name}
                onChange={(name) =>
                  update({ variables: data.variables.map((x, j) => (j === i ? { ...x, name } : x)) }, `v:${i}:n`)
                }
              />
              <TextField
                label={t('editor.field.description')}
                value={v.description}
                onChange={(description) =>
                  update({ variables: data.variables.map((x, j) => (j === i ? { ...x, description } : x)) }, `v:${i}:d`)
                }
              />
            </>
          )}
        />
      )}
      {data.tools.includes('http') && (
        <>
          <SelectField
            label={t('agent.http.method')}
            value={data.http.method}
            options={httpMethods.map((m) => ({ value: m, label: m }))}
            onChange={(method) => update({ http: { ...data.http, method } }, 'http.method')}
          />
          <TemplateField
            label={t('agent.http.url')}
            value={data.http.url}
            onChange={(url) => update({ http: { ...data.http, url } }, 'http.url')}
          />
          <TextField
            label={t('agent.http.description')}
            value={data.http.description}
            onChange={(description) => update({ http: { ...data.http, description } }, 'http.description')}
          />
        </>
      )}
      {(data.tools.includes('list_slots') || data.tools.includes('book_slot')) && (
        <SelectField
          label={t('agent.agenda')}
          hint={t('agent.agendaHint')}
          value={data.agendaId}
          options={agendaOptions}
          onChange={(agendaId) => update({ agendaId }, 'agendaId')}
        />
      )}
      <ProviderPicker
        provider={data.provider}
        model={data.model}
        onProvider={(provider) => update({ provider }, 'provider')}
        onModel={(model) => update({ model }, 'model')}
      />
      <NumberField
        label={t('editor.field.escalateThreshold')}
        value={data.escalateThreshold}
        min={0}
        max={1}
        step={0.05}
        onChange={(v) => v !== null && update({ escalateThreshold: v }, 'escalateThreshold')}
      />
      <Check
        label={t('agent.allowImages')}
        checked={data.allowImages}
        onChange={(allowImages) => update({ allowImages }, 'allowImages')}
      />
      <Check
        label={t('intent.allowAudio')}
        checked={data.allowAudio}
        onChange={(allowAudio) => update({ allowAudio }, 'allowAudio')}
      />
      <details className="fx-advanced">
        <summary>{t('agent.limits')}</summary>
        <div className="fx-grid-2">
          {limit('stepsPerTurn', 1, 20)}
          {limit('turnTimeoutMs', 100, 120000)}
          {limit('maxTokens', 100, 10000000)}
          {limit('maxCostUsd', 0, 100, 0.05)}
          {limit('maxTurns', 0, 500)}
        </div>
      </details>
      <details className="fx-advanced">
        <summary>{t('agent.memory')}</summary>
        <div className="fx-grid-2">
          <NumberField
            label={t('agent.memory.historyMessages')}
            value={data.memory.historyMessages}
            min={0}
            max={100}
            onChange={(v) => v !== null && update({ memory: { ...data.memory, historyMessages: v } }, 'm.h')}
          />
          <NumberField
            label={t('agent.memory.expireMinutes')}
            value={data.memory.expireMinutes}
            min={1}
            max={43200}
            onChange={(v) => v !== null && update({ memory: { ...data.memory, expireMinutes: v } }, 'm.e')}
          />
        </div>
        <Check
          label={t('agent.memory.summarize')}
          checked={data.memory.summarize}
          onChange={(summarize) => update({ memory: { ...data.memory, summarize } }, 'm.s')}
        />
      </details>
    </>
  );
}
