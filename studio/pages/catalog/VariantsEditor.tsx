import { useT } from '../../i18n/index.ts';

/** A variant as the form edits it: prices and stock as typed, parsed on save. */
export interface VariantDraft {
  name: string;
  price: string;
  stock: string;
  sku: string;
}

export const emptyVariant: VariantDraft = { name: '', price: '', stock: '', sku: '' };

interface VariantsEditorProps {
  variants: VariantDraft[];
  onChange(variants: VariantDraft[]): void;
}

/** Sizes or flavours, each with its own price, stock and SKU (at most 10: one WhatsApp list). */
export function VariantsEditor({ variants, onChange }: VariantsEditorProps) {
  const t = useT();
  const set = (index: number, patch: Partial<VariantDraft>) =>
    onChange(variants.map((v, i) => (i === index ? { ...v, ...patch } : v)));
  return (
    <fieldset className="field span-2 rows-editor" data-testid="variants-editor">
      <legend>{t('catalogs.variants')}</legend>
      {variants.map((v, i) => (
        <div key={i} className="rows-editor-row">
          <input
            aria-label={t('catalogs.variantName')}
            placeholder={t('catalogs.variantName')}
            required
            maxLength={24}
            value={v.name}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            aria-label={t('catalogs.variantPrice')}
            placeholder="R$ 0,00"
            inputMode="decimal"
            required
            value={v.price}
            onChange={(e) => set(i, { price: e.target.value })}
          />
          <input
            aria-label={t('catalogs.variantStock')}
            placeholder={t('catalog.stockUnlimited')}
            inputMode="numeric"
            value={v.stock}
            onChange={(e) => set(i, { stock: e.target.value })}
          />
          <input
            aria-label={t('catalogs.variantSku')}
            placeholder="SKU"
            maxLength={60}
            value={v.sku}
            onChange={(e) => set(i, { sku: e.target.value })}
          />
          <button
            type="button"
            className="icon-button small"
            aria-label={t('catalogs.removeVariant', { n: i + 1 })}
            onClick={() => onChange(variants.filter((_, j) => j !== i))}
          >
            🗑
          </button>
        </div>
      ))}
      {variants.length < 10 ? (
        <button type="button" className="button small" onClick={() => onChange([...variants, emptyVariant])}>
          {t('catalogs.addVariant')}
        </button>
      ) : null}
    </fieldset>
  );
}
