import { useState, type FormEvent } from 'react';
import { api, type Catalog } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorText } from '../../ui/error-text.ts';
import { centsToInput, parseReais } from '../../ui/money.ts';
import { FormFooter } from '../../ui/FormFooter.tsx';
import { NamePreview } from './NamePreview.tsx';

type Product = Catalog['products'][number];

interface ProductFormProps {
  product: Product | null;
  categories: Catalog['categories'];
  defaultCategoryId: string | null;
  onSaved(): void;
  onClose(): void;
}

export function ProductForm({ product, categories, defaultCategoryId, onSaved, onClose }: ProductFormProps) {
  const t = useT();
  const [form, setForm] = useState({
    categoryId: product?.categoryId ?? defaultCategoryId ?? categories[0]?.id ?? '',
    name: product?.name ?? '',
    description: product?.description ?? '',
    price: product ? centsToInput(product.priceCents) : '',
    imageUrl: product?.imageUrl ?? '',
    stock: product?.stock === null || product?.stock === undefined ? '' : String(product.stock),
    sku: product?.sku ?? '',
    active: product?.active ?? true,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const priceCents = parseReais(form.price);
    if (priceCents === null) {
      setError(t('catalog.priceInvalid'));
      return;
    }
    const stock = form.stock.trim() === '' ? null : Number(form.stock);
    if (stock !== null && (!Number.isInteger(stock) || stock < 0)) {
      setError(t('catalog.stockInvalid'));
      return;
    }
    const body = {
      categoryId: form.categoryId,
      name: form.name,
      description: form.description,
      priceCents,
      imageUrl: form.imageUrl.trim() || null,
      stock,
      sku: form.sku.trim() || null,
      active: form.active,
    };
    setBusy(true);
    setError(null);
    try {
      if (product) await api.updateProduct(product.id, body);
      else await api.createProduct(body);
      onSaved();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={product ? t('catalog.editProduct') : t('catalog.newProduct')}
      onClose={onClose}
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
          <span>{t('catalog.stock')}</span>
          <input
            inputMode="numeric"
            placeholder={t('catalog.stockUnlimited')}
            value={form.stock}
            onChange={(e) => update('stock', e.target.value)}
          />
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
        <NamePreview name={form.name} description={form.description} price={`R$ ${form.price || '0,00'}`} />
        <label className="field">
          <span>{t('catalog.imageUrl')}</span>
          <input
            type="url"
            placeholder="https://…"
            value={form.imageUrl}
            onChange={(e) => update('imageUrl', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('catalog.sku')}</span>
          <input maxLength={60} value={form.sku} onChange={(e) => update('sku', e.target.value)} />
        </label>
        <label className="checkbox span-2">
          <input type="checkbox" checked={form.active} onChange={(e) => update('active', e.target.checked)} />
          {t('catalog.active')}
        </label>
        <FormFooter error={error} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
