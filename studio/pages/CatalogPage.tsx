import { useEffect, useState } from 'react';
import { catalogApi } from '../api/catalog.ts';
import { api, type Catalog } from '../api/client.ts';
import { defaultCatalogId } from '../../shared/api/catalog.ts';
import { useT } from '../i18n/index.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { errorText } from '../ui/error-text.ts';
import { formatReais } from '../ui/money.ts';
import { EmptyState, ErrorBanner, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { CatalogSwitcher } from './catalog/CatalogSwitcher.tsx';
import { CategoryList } from './catalog/CategoryList.tsx';
import { CsvPanel } from './catalog/CsvPanel.tsx';
import { MetaCatalogPanel } from './catalog/MetaCatalogPanel.tsx';
import { ProductForm } from './catalog/ProductForm.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

type Product = Catalog['products'][number];
type Category = Catalog['categories'][number];
type Open =
  | { kind: 'none' }
  | { kind: 'product'; product: Product | null }
  | { kind: 'deleteProduct'; product: Product }
  | { kind: 'deleteCategory'; category: Category };

export function CatalogPage() {
  const t = useT();
  const [chosen, setChosen] = useState<string | null>(null);
  const catalogs = useResource(() => catalogApi.list(), []);
  // Decided once the list arrives, then kept: emptying the shown catalog does not jump to another.
  const catalogId = chosen ?? (catalogs.status === 'ready' ? firstShown(catalogs.data.catalogs) : null);
  useEffect(() => {
    if (chosen === null && catalogId !== null) setChosen(catalogId);
  }, [chosen, catalogId]);
  const catalog = useResource(
    () => (catalogId ? catalogApi.products(catalogId) : new Promise<Catalog>(() => undefined)),
    [catalogId],
  );
  const [category, setCategory] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => setOpen({ kind: 'none' });
  const choose = (id: string) => {
    setChosen(id);
    setCategory(null);
  };
  // Counts in the switcher follow the products shown.
  const reload = () => {
    catalog.reload();
    catalogs.reload();
  };

  return (
    <section className="page">
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        actions={
          catalog.status === 'ready' && catalog.data.categories.length > 0 ? (
            <button
              type="button"
              className="button primary"
              onClick={() => setOpen({ kind: 'product', product: null })}
            >
              {t('catalog.newProduct')}
            </button>
          ) : null
        }
      />
      {catalogs.status === 'ready' && catalogId ? (
        <div className="catalog-toolbar">
          <CatalogSwitcher
            catalogs={catalogs.data.catalogs}
            selected={catalogId}
            onSelect={choose}
            onChanged={(id) => {
              catalogs.reload();
              if (id === catalogId) catalog.reload();
              else choose(id);
            }}
          />
          <CsvPanel catalogId={catalogId} onImported={reload} />
          <MetaCatalogPanel catalogId={catalogId} />
        </div>
      ) : null}
      {catalogs.status === 'error' ? (
        <ErrorBanner message={errorText(catalogs.error, t)} onRetry={catalogs.reload} />
      ) : null}
      {catalog.status === 'loading' && catalogs.status !== 'error' ? <Loading /> : null}
      {catalog.status === 'error' ? (
        <ErrorBanner message={errorText(catalog.error, t)} onRetry={catalog.reload} />
      ) : null}
      {catalog.status === 'ready' ? (
        <div className="catalog-layout">
          <CategoryList
            catalogId={catalogId ?? defaultCatalogId}
            catalog={catalog.data}
            selected={category}
            onSelect={setCategory}
            onChanged={reload}
            onDelete={(c) => setOpen({ kind: 'deleteCategory', category: c })}
          />
          <div>
            {catalog.data.categories.length === 0 ? (
              <EmptyState title={t('catalog.empty.title')}>
                <p className="muted">{t('catalog.empty.body')}</p>
              </EmptyState>
            ) : (
              <ProductTable
                products={catalog.data.products.filter((p) => category === null || p.categoryId === category)}
                categories={catalog.data.categories}
                onEdit={(product) => setOpen({ kind: 'product', product })}
                onDelete={(product) => setOpen({ kind: 'deleteProduct', product })}
              />
            )}
          </div>
        </div>
      ) : null}
      {open.kind === 'product' && catalog.status === 'ready' ? (
        <ProductForm
          product={open.product}
          categories={catalog.data.categories}
          defaultCategoryId={category}
          onClose={close}
          onSaved={() => {
            close();
            reload();
          }}
        />
      ) : null}
      {open.kind === 'deleteProduct' ? (
        <ConfirmDialog
          title={t('catalog.deleteProduct')}
          message={t('catalog.deleteProductBody', { name: open.product.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={close}
          onConfirm={async () => {
            await api.deleteProduct(open.product.id);
            reload();
          }}
        />
      ) : null}
      {open.kind === 'deleteCategory' ? (
        <ConfirmDialog
          title={t('catalog.deleteCategory')}
          message={t('catalog.deleteCategoryBody', { name: open.category.name })}
          confirmLabel={t('common.delete')}
          danger
          onClose={close}
          onConfirm={async () => {
            await api.deleteCategory(open.category.id);
            if (category === open.category.id) setCategory(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * The catalog the page opens on: the main one, unless it is empty and another has products (a
 * fresh install whose template put its samples in a catalog of their own).
 */
function firstShown(catalogs: { id: string; products: number }[]): string {
  const main = catalogs.find((k) => k.id === defaultCatalogId);
  if (main && main.products > 0) return main.id;
  return catalogs.find((k) => k.products > 0)?.id ?? defaultCatalogId;
}

interface ProductTableProps {
  products: Product[];
  categories: Category[];
  onEdit(product: Product): void;
  onDelete(product: Product): void;
}

function ProductTable({ products, categories, onEdit, onDelete }: ProductTableProps) {
  const t = useT();
  if (products.length === 0)
    return (
      <EmptyState title={t('catalog.noProducts')}>
        <p className="muted">{t('catalog.noProductsBody')}</p>
      </EmptyState>
    );
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('catalog.name')}</th>
          <th scope="col">{t('catalog.category')}</th>
          <th scope="col" className="num">
            {t('catalog.price')}
          </th>
          <th scope="col" className="num">
            {t('catalog.stock')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {products.map((p) => (
          <tr key={p.id} className={p.active ? undefined : 'inactive'}>
            <td>
              <div className="product-cell">
                {(p.photos[0]?.url ?? p.imageUrl) ? (
                  <img src={p.photos[0]?.url ?? p.imageUrl ?? ''} alt="" className="thumb" />
                ) : (
                  <span className="thumb empty" aria-hidden="true" />
                )}
                <div>
                  <strong>{p.name}</strong>
                  {p.active ? null : <span className="pill">{t('catalog.inactive')}</span>}
                  {p.description ? <p className="muted small clamp">{p.description}</p> : null}
                </div>
              </div>
            </td>
            <td>{categories.find((c) => c.id === p.categoryId)?.name ?? '—'}</td>
            <td className="num">
              {p.promoPriceCents === null ? (
                formatReais(p.priceCents)
              ) : (
                <>
                  <s className="muted">{formatReais(p.priceCents)}</s> {formatReais(p.promoPriceCents)}
                </>
              )}
              {p.variants.length ? <small className="muted"> · {p.variants.length}×</small> : null}
            </td>
            <td className="num">{p.stock ?? '∞'}</td>
            <td className="row-actions">
              <button
                type="button"
                className="button small"
                aria-label={t('catalog.editOf', { name: p.name })}
                onClick={() => onEdit(p)}
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="button small danger-ghost"
                aria-label={t('catalog.deleteOf', { name: p.name })}
                onClick={() => onDelete(p)}
              >
                {t('common.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
