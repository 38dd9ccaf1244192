import { useState, type FormEvent } from 'react';
import { catalogApi, type CatalogSummary } from '../../api/catalog.ts';
import { defaultCatalogId } from '../../../shared/api/catalog.ts';
import { useT } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText } from '../../ui/error-text.ts';

interface CatalogSwitcherProps {
  catalogs: CatalogSummary[];
  selected: string;
  onSelect(id: string): void;
  /** After a create, rename or delete: the list to reload, and the catalog to show. */
  onChanged(selectId: string): void;
}

/** One catalog per business line: pick the one being edited, create, rename or delete it. */
export function CatalogSwitcher({ catalogs, selected, onSelect, onChanged }: CatalogSwitcherProps) {
  const t = useT();
  const [editing, setEditing] = useState<{ id: string | null; name: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = catalogs.find((k) => k.id === selected);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      const { catalog } = editing.id
        ? await catalogApi.rename(editing.id, editing.name)
        : await catalogApi.create(editing.name);
      setEditing(null);
      onChanged(catalog.id);
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <div className="catalog-switcher" data-testid="catalog-switcher">
      {editing ? (
        <form className="inline-form" onSubmit={save}>
          <label className="visually-hidden" htmlFor="catalog-name">
            {t('catalogs.name')}
          </label>
          <input
            id="catalog-name"
            autoFocus
            required
            maxLength={60}
            placeholder={t('catalogs.name')}
            value={editing.name}
            onChange={(e) => setEditing({ ...editing, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          />
          <button type="submit" className="button small primary">
            {t('common.save')}
          </button>
          <button type="button" className="button small" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div className="inline-form">
          <label className="field-inline">
            <span>{t('catalogs.label')}</span>
            <select value={selected} onChange={(e) => onSelect(e.target.value)}>
              {catalogs.map((k) => (
                <option key={k.id} value={k.id}>
                  {t('catalogs.count', { name: k.name, products: k.products })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button small" onClick={() => setEditing({ id: null, name: '' })}>
            {t('catalogs.new')}
          </button>
          {current ? (
            <button
              type="button"
              className="button small"
              onClick={() => setEditing({ id: current.id, name: current.name })}
            >
              {t('catalogs.rename')}
            </button>
          ) : null}
          {current && current.id !== defaultCatalogId ? (
            <button type="button" className="button small danger-ghost" onClick={() => setDeleting(true)}>
              {t('catalogs.delete')}
            </button>
          ) : null}
        </div>
      )}
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
      {deleting && current ? (
        <ConfirmDialog
          title={t('catalogs.deleteTitle')}
          message={t('catalogs.deleteBody', { name: current.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await catalogApi.remove(current.id);
            onChanged(defaultCatalogId);
          }}
        />
      ) : null}
    </div>
  );
}
