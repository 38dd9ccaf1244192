import { api } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { useResource } from '../../ui/use-resource.ts';
import { defaultCatalogId } from '../../../shared/api/catalog.ts';
import type { PickerTexts } from '../../../shared/flow/nodes/product_picker.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

const textKeys = [
  'chooseProduct',
  'chooseVariant',
  'nothingAvailable',
  'categoryEmpty',
  'notUnderstood',
  'addMore',
] as const satisfies readonly (keyof PickerTexts)[];

/**
 * The picker's catalog, its categories ticked BY NAME (ids stay in the flow, never typed), and
 * the block's own texts. Catalogs and categories come from the API once per inspector.
 */
export function CatalogFields({ node, update }: InspectorProps<'product_picker'>) {
  const t = useT();
  const { data } = node;
  const loaded = useResource(() => Promise.all([api.listCatalogs(), api.getCatalog()]), []);
  const [catalogs, catalog] = loaded.data ?? [null, null];
  const shown = data.catalogId ?? defaultCatalogId;
  const categories = (catalog?.categories ?? []).filter((c) => c.catalogId === shown);
  const gone = data.categoryIds.filter((id) => catalog && !catalog.categories.some((c) => c.id === id));

  const toggle = (id: string, on: boolean) =>
    update({ categoryIds: on ? [...data.categoryIds, id] : data.categoryIds.filter((x) => x !== id) }, 'categoryIds');

  return (
    <>
      <SelectField
        label={t('commerce.picker.catalog')}
        value={data.catalogId ?? ''}
        options={[
          { value: '', label: t('commerce.picker.catalogDefault') },
          ...(catalogs?.catalogs ?? [])
            .filter((k) => k.id !== defaultCatalogId)
            .map((k) => ({ value: k.id, label: k.name })),
        ]}
        // Another catalog's categories mean nothing here: the choice starts over.
        onChange={(v) => update({ catalogId: v === '' ? null : v, categoryIds: [] }, 'catalogId')}
      />
      <fieldset className="fx-field fx-checklist" data-testid="picker-categories">
        <legend className="fx-field__label">{t('commerce.picker.categories')}</legend>
        {loaded.status === 'loading' && <p className="fx-field__hint">{t('commerce.picker.categoriesLoading')}</p>}
        {categories.map((c) => (
          <label key={c.id} className="fx-check">
            <input
              type="checkbox"
              checked={data.categoryIds.includes(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />{' '}
            {c.name}
          </label>
        ))}
        {gone.map((id) => (
          <label key={id} className="fx-check">
            <input type="checkbox" checked onChange={() => toggle(id, false)} /> {t('commerce.picker.categoryGone')}
          </label>
        ))}
        <p className="fx-field__hint">{t('commerce.picker.categoriesHint')}</p>
      </fieldset>
      <h4 className="fx-field__label">{t('commerce.picker.texts')}</h4>
      {textKeys.map((key) => (
        <TemplateField
          key={key}
          label={t(`commerce.picker.text.${key}`)}
          value={data.texts[key]}
          multiline={key !== 'addMore'}
          maxLength={key === 'addMore' ? 200 : 1024}
          onChange={(v) => update({ texts: { ...data.texts, [key]: v } }, 'texts')}
        />
      ))}
    </>
  );
}
