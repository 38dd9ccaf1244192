import { useT } from '../../i18n/index.ts';

export interface AttributeDraft {
  key: string;
  value: string;
}

interface AttributesEditorProps {
  attributes: AttributeDraft[];
  onChange(attributes: AttributeDraft[]): void;
}

/** Free key/value attributes (quartos: 3, bairro: Centro) the picker and the agent filter by. */
export function AttributesEditor({ attributes, onChange }: AttributesEditorProps) {
  const t = useT();
  const set = (index: number, patch: Partial<AttributeDraft>) =>
    onChange(attributes.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <fieldset className="field span-2 rows-editor" data-testid="attributes-editor">
      <legend>{t('catalogs.attributes')}</legend>
      {attributes.map((a, i) => (
        <div key={i} className="rows-editor-row">
          <input
            aria-label={t('catalogs.attributeKey')}
            placeholder={t('catalogs.attributeKey')}
            required
            maxLength={40}
            value={a.key}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <input
            aria-label={t('catalogs.attributeValue')}
            placeholder={t('catalogs.attributeValue')}
            maxLength={200}
            value={a.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="icon-button small"
            aria-label={t('catalogs.removeAttribute', { n: i + 1 })}
            onClick={() => onChange(attributes.filter((_, j) => j !== i))}
          >
            🗑
          </button>
        </div>
      ))}
      {attributes.length < 30 ? (
        <button
          type="button"
          className="button small"
          onClick={() => onChange([...attributes, { key: '', value: '' }])}
        >
          {t('catalogs.addAttribute')}
        </button>
      ) : null}
    </fieldset>
  );
}
