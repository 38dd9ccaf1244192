import { useState, type FormEvent } from 'react';
import { catalogApi } from '../../api/catalog.ts';
import { api, type Catalog } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { centsToInput } from '../../ui/money.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';
import { AttributesEditor, type AttributeDraft } from './AttributesEditor.tsx';
import { NamePreview } from './NamePreview.tsx';
import { PhotoManager } from './PhotoManager.tsx';
import { VariantsEditor, type VariantDraft } from './VariantsEditor.tsx';
import { readProductForm } from './read-product-form.ts';

type Product = Catalog['products'][number];

interface ProductFormProps {
  product: Product | null;
  categories: Catalog['categories'];
  defaultCategoryId: string | null;
  onSaved(): void;
  onClose(): void;
}

const stockText = (stock: number | null | undefined) => (stock === null || stock === undefined ? '' : String(stock));

export function ProductForm({ product, categories, defaultCategoryId, onSaved, onClose }: ProductFormProps) {
  const t = useT();
  const [form, setForm] = useState({
    categoryId: product?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: product ? centsToInput(product.priceCents) : '',
    promoPrice: product?.promoPriceCents === null || !product ? '' : centsToInput(product.promoPriceCents),
    imageUrl: product?.imageUrl ?? '',
    stock: stockText(product?.stock),
    sku: product?.sku ?? '',
    active: product?.active ?? true,
  });
  const [variants, setVariants] = useState<VariantDraft[]>(
    (product?.variants ?? []).map((v) => ({
      name: v.name,
      price: centsToInput(v.priceCents),
      stock: stockText(v.stock),
      sku: v.sku ?? '',
    })),
  );
  const [attributes, setAttributes] = useState<AttributeDraft[]>(
    Object.entries(product?.attributes ?? {}).map(([key, value]) => ({ key, value })),
  );
  const [pending, setPending] = useState<File[]>([]);
  const [photosChanged, setPhotosChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readProductForm(form, variants, attributes);
    if (!read.ok) {
      setError(t(read.error));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = product ? await api.updateProduct(product.id, read.body) : await api.createProduct(read.body);
      for (const file of pending) await catalogApi.uploadPhoto(saved.product.id, file);
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  // Photos of a saved product are stored as they are added: closing still shows them in the list.
  const close = photosChanged ? onSaved : onClose;

  return (
    <Dialog
      title={product ? t('catalog.editProduct') : t('catalog.newProduct')}
      onClose={close}
      size="large"
      testId="product-form"
    >
      <form className="form-grid" onSubmit={submit}>
        <label className="field">
          <span>{t('catalog.name')}</span>
          <input required maxLength={24} value={form.name} onChange={(e) => update('name', e.target.value)} />
          <small className="muted">{t('catalog.nameHelp')}</small>
        </label>
        <label className="field">
          <span>{t('catalog.category')}</span>
          <select required value={form.categoryId} onChange={(e) => update('categoryId', e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.price')}</span>
          <span className="prefix-input">
            <span aria-hidden="true">R$</span>
            <input
              required
              inputMode="decimal"
              placeholder="12,50"
              value={form.price}
              onChange={(e) => update('price', e.target.value)}
            />
          </span>
        </label>
        <label className="field">
          <span>{t('catalogs.promoPrice')}</span>
          <span className="prefix-input">
            <span aria-hidden="true">R$</span>
            <input
              inputMode="decimal"
              placeholder="—"
              value={form.promoPrice}
              onChange={(e) => update('promoPrice', e.target.value)}
            />
          </span>
        </label>
        <label className="field">
          <span>{t('catalog.stock')}</span>
          <input
            inputMode="numeric"
            placeholder={t('catalog.stockUnlimited')}
            value={form.stock}
            onChange={(e) => update('stock', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('catalog.sku')}</span>
          <input maxLength={60} value={form.sku} onChange={(e) => update('sku', e.target.value)} />
        </label>
        <label className="field span-2">
          <span>{t('catalog.description')}</span>
          <textarea
            rows={3}
            maxLength={1000}
            value={form.description}
            onChange={(e) => update('description', e.target.value)}
          />
        </label>
        <NamePreview
          name={form.name}
          description={form.description}
          price={`R$ ${form.promoPrice || form.price || '0,00'}`}
        />
        <PhotoManager
          productId={product?.id ?? null}
          photos={product?.photos ?? []}
          pending={pending}
          onPending={setPending}
          onChanged={() => setPhotosChanged(true)}
        />
        <VariantsEditor variants={variants} onChange={setVariants} />
        <AttributesEditor attributes={attributes} onChange={setAttributes} />
        <label className="field span-2">
          <span>{t('catalog.imageUrl')}</span>
          <input
            type="url"
            placeholder="https://…"
            value={form.imageUrl}
            onChange={(e) => update('imageUrl', e.target.value)}
          />
        </label>
        <label className="checkbox span-2">
          <input type="checkbox" checked={form.active} onChange={(e) => update('active', e.target.checked)} />
          {t('catalog.active')}
        </label>
        <FormFooter error={error} busy={busy} onCancel={close} />
      </form>
    </Dialog>
  );
}
