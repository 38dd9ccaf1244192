import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { TemplateField } from '../../nodes/form/TemplateField.tsx';
import { TextField } from '../../nodes/form/TextField.tsx';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';
import { VariablesManager } from './VariablesManager.tsx';

/** What the inspector shows with nothing selected: the flow's name, variables and settings. */
export function FlowSettings() {
  const t = useT();
  const api = useEditorApi();
  const id = useId();
  const campaignId = useId();
  const name = useEditor((s) => s.flow.name);
  const description = useEditor((s) => s.flow.description);
  const settings = useEditor((s) => s.flow.settings);
  const readOnly = useEditor((s) => s.readOnly);
  const edit = api.getState().edit;

  return (
    <>
      <header className="fx-inspector__header">
        <div className="fx-inspector__titles">
          <h2>{t('editor.inspector.flow')}</h2>
        </div>
      </header>
      <fieldset className="fx-inspector__form" disabled={readOnly}>
        <TextField
          label={t('editor.field.name')}
          value={name}
          onChange={(v) => edit((f) => ({ ...f, name: v }), 'flow:name')}
        />
        <TextField
          label={t('editor.field.description')}
          value={description}
          onChange={(v) => edit((f) => ({ ...f, description: v }), 'flow:description')}
        />
        <VariablesManager />
        <TemplateField
          label={t('editor.field.fallbackMessage')}
          multiline
          value={settings.fallbackMessage}
          onChange={(v) => edit((f) => ({ ...f, settings: { ...f.settings, fallbackMessage: v } }), 'flow:fallback')}
        />
        <div className="fx-check">
          <input
            id={id}
            type="checkbox"
            checked={settings.migrateWaitingSessions}
            onChange={(e) =>
              edit((f) => ({ ...f, settings: { ...f.settings, migrateWaitingSessions: e.target.checked } }))
            }
          />
          <label htmlFor={id}>{t('editor.field.migrate')}</label>
        </div>
        <div className="fx-check">
          <input
            id={campaignId}
            type="checkbox"
            checked={settings.startsFromCampaign}
            onChange={(e) => edit((f) => ({ ...f, settings: { ...f.settings, startsFromCampaign: e.target.checked } }))}
          />
          <label htmlFor={campaignId}>{t('windowClosed.startsFromCampaign')}</label>
        </div>
      </fieldset>
    </>
  );
}
