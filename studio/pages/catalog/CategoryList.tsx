import { useState, type FormEvent } from 'react';
import { api, type Catalog } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

interface CategoryListProps {
  catalogId: string;
  catalog: Catalog;
  selected: string | null;
  onSelect(id: string | null): void;
  onChanged(): void;
  onDelete(category: Catalog['categories'][number]): void;
}

/** Categories are the first list a contact sees in `product_picker`; renamed in place. */
export function CategoryList({ catalogId, catalog, selected, onSelect, onChanged, onDelete }: CategoryListProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onChanged();
      return true;
    } catch (err) {
      setError(errorText(err, t));
      return false;
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => api.createCategory({ catalogId, name, position: catalog.categories.length }))) setName('');
  };
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (editing && (await run(() => api.updateCategory(editing.id, { name: editing.name })))) setEditing(null);
  };

  const count = (id: string) => catalog.products.filter((p) => p.categoryId === id).length;
  return (
    <div className="category-list card">
      <h2>{t('catalog.categories')}</h2>
      <ul>
        <li>
          <button
            type="button"
            className={selected === null ? 'category active' : 'category'}
            aria-pressed={selected === null}
            onClick={() => onSelect(null)}
          >
            {t('catalog.all')} <span className="count">{catalog.products.length}</span>
          </button>
        </li>
        {catalog.categories.map((category) => (
          <li key={category.id}>
            {editing?.id === category.id ? (
              <form className="inline-form" onSubmit={rename}>
                <label className="visually-hidden" htmlFor={`cat-${category.id}`}>
                  {t('catalog.categoryName')}
                </label>
                <input
                  id={`cat-${category.id}`}
                  autoFocus
                  required
                  maxLength={24}
                  value={editing.name}
                  onChange={(e) => setEditing({ id: category.id, name: e.target.value })}
                  onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                />
                <button type="submit" className="button small primary">
                  {t('common.save')}
                </button>
              </form>
            ) : (
              <div className="category-row">
                <button
                  type="button"
                  className={selected === category.id ? 'category active' : 'category'}
                  aria-pressed={selected === category.id}
                  onClick={() => onSelect(category.id)}
                >
                  {category.name} <span className="count">{count(category.id)}</span>
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={t('catalog.renameOf', { name: category.name })}
                  onClick={() => setEditing({ id: category.id, name: category.name })}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={t('catalog.deleteOf', { name: category.name })}
                  onClick={() => onDelete(category)}
                >
                  🗑
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label className="visually-hidden" htmlFor="new-category">
          {t('catalog.newCategory')}
        </label>
        <input
          id="new-category"
          required
          maxLength={24}
          placeholder={t('catalog.newCategory')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button small">
          {t('common.add')}
        </button>
      </form>
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
