import { useEffect, useState, type FormEvent } from 'react';
import { metaCatalogApi, type MetaLink } from '../../api/meta-catalog.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

/** Links the catalog to a Meta commerce catalog, syncs it, and shows the last sync per item. */
export function MetaCatalogPanel({ catalogId }: { catalogId: string }) {
  const t = useT();
  const [link, setLink] = useState<MetaLink | null>(null);
  const [metaId, setMetaId] = useState('');
  const [brand, setBrand] = useState('');
  const [autoSync, setAutoSync] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = (l: MetaLink | null) => {
    setLink(l);
    setMetaId(l?.metaCatalogId ?? '');
    setBrand(l?.brand ?? '');
    setAutoSync(l?.autoSync ?? false);
  };
  useEffect(() => {
    show(null);
    metaCatalogApi.get(catalogId).then(
      (r) => show(r.link),
      (err: unknown) => setError(errorText(err, t)),
    );
  }, [catalogId, t]);

  const act = async (work: () => Promise<MetaLink | null>) => {
    setBusy(true);
    setError(null);
    try {
      show(await work());
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const websiteUrl = link?.websiteUrl ?? null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(
      async () =>
        (
          await metaCatalogApi.save(catalogId, {
            metaCatalogId: metaId.trim(),
            brand: brand.trim() || null,
            websiteUrl,
            autoSync,
          })
        ).link,
    );
  };
  // Once linked, the checkbox saves at once (with the link as stored), like a setting.
  const toggleAutoSync = (on: boolean) => {
    setAutoSync(on);
    if (!link) return;
    void act(
      async () =>
        (
          await metaCatalogApi.save(catalogId, {
            metaCatalogId: link.metaCatalogId,
            brand: link.brand,
            websiteUrl,
            autoSync: on,
          })
        ).link,
    );
  };
  const last = link?.lastSync;

  return (
    <details className="meta-catalog-panel" data-testid="meta-catalog-panel">
      <summary>{t('metaCatalog.title')}</summary>
      <form className="inline-form" onSubmit={save}>
        <label>
          {t('metaCatalog.id')}
          <input value={metaId} inputMode="numeric" onChange={(e) => setMetaId(e.target.value)} required />
        </label>
        <label>
          {t('metaCatalog.brand')}
          <input value={brand} maxLength={100} onChange={(e) => setBrand(e.target.value)} />
        </label>
        <label className="checkbox" title={t('metaCatalog.autoSyncHint')}>
          <input
            type="checkbox"
            checked={autoSync}
            disabled={busy}
            onChange={(e) => toggleAutoSync(e.target.checked)}
          />
          {t('metaCatalog.autoSync')}
        </label>
        <button type="submit" className="button small" disabled={busy}>
          {t('metaCatalog.save')}
        </button>
        {link ? (
          <>
            <button
              type="button"
              className="button small primary"
              disabled={busy}
              onClick={() => void act(async () => (await metaCatalogApi.sync(catalogId)).link)}
            >
              {t('metaCatalog.sync')}
            </button>
            <button
              type="button"
              className="button small"
              disabled={busy}
              onClick={() => void act(async () => (await metaCatalogApi.unlink(catalogId), null))}
            >
              {t('metaCatalog.unlink')}
            </button>
          </>
        ) : null}
      </form>
      <p className="small muted">
        {t('metaCatalog.hint')} {autoSync ? t('metaCatalog.autoSyncHint') : null}
      </p>
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
      {link ? (
        <div role="status" data-testid="meta-sync-result">
          {!last || !link.lastSyncAt ? (
            <p className="small">{t('metaCatalog.never')}</p>
          ) : last.error ? (
            <p className="small form-error">{t('metaCatalog.failed', { error: last.error })}</p>
          ) : (
            <p className="small">
              {t('metaCatalog.result', {
                at: new Date(link.lastSyncAt).toLocaleString(),
                items: last.items,
                created: last.created,
                updated: last.updated,
                deleted: last.deleted,
                unchanged: last.unchanged,
              })}
            </p>
          )}
          {last?.errors.length ? (
            <ul className="small">
              {last.errors.map((e, i) => (
                <li key={`${e.retailerId}-${i}`}>
                  <code>{e.retailerId}</code>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
