import { useEffect, useState, type DragEvent } from 'react';
import { catalogApi } from '../../api/catalog.ts';
import type { Catalog } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

type SavedPhoto = Catalog['products'][number]['photos'][number];

interface PhotoManagerProps {
  /** The saved product: photos go to the server at once. Null: a new product, uploaded on save. */
  productId: string | null;
  photos: SavedPhoto[];
  pending: File[];
  onPending(files: File[]): void;
  /** A photo was stored, removed or moved (the page reloads the catalog when the form closes). */
  onChanged(): void;
}

const moved = <T,>(list: T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/** Several photos per product: drop or choose files, see thumbnails, reorder and remove them. */
export function PhotoManager({ productId, photos: initial, pending, onPending, onChanged }: PhotoManagerProps) {
  const t = useT();
  const [photos, setPhotos] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const previews = usePreviews(pending);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const add = (files: File[]) => {
    const images = files.filter((f) => f.type.startsWith('image/'));
    if (images.length === 0) return;
    if (!productId) return onPending([...pending, ...images]);
    void run(async () => {
      for (const file of images) {
        const { photo } = await catalogApi.uploadPhoto(productId, file);
        setPhotos((list) => [...list, photo]);
      }
    });
  };
  const move = (from: number, to: number) => {
    if (!productId) return onPending(moved(pending, from, to));
    const next = moved(photos, from, to);
    void run(async () => {
      await catalogApi.reorderPhotos(
        productId,
        next.map((p) => p.id),
      );
      setPhotos(next);
    });
  };
  const remove = (index: number) => {
    if (!productId) return onPending(pending.filter((_, i) => i !== index));
    const photo = photos[index];
    if (!photo) return;
    void run(async () => {
      await catalogApi.deletePhoto(productId, photo.id);
      setPhotos((list) => list.filter((p) => p.id !== photo.id));
    });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    add([...event.dataTransfer.files]);
  };

  const shown = productId ? photos.map((p) => p.url) : previews;
  return (
    <div className="field span-2">
      <span>{t('catalogs.photos')}</span>
      <div
        className={over ? 'photo-drop over' : 'photo-drop'}
        data-testid="photo-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <ol className="photo-list" aria-busy={busy}>
          {shown.map((url, i) => (
            <li key={`${url}-${i}`} className="photo-item" data-testid="product-photo">
              <img src={url} alt={t('catalogs.photoOf', { n: i + 1 })} className="photo-thumb" />
              {productId ? null : <small className="muted">{t('catalogs.photoPending')}</small>}
              <div className="photo-actions">
                <button
                  type="button"
                  className="icon-button small"
                  disabled={busy || i === 0}
                  aria-label={t('catalogs.photoLeft', { n: i + 1 })}
                  onClick={() => move(i, i - 1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  disabled={busy || i === shown.length - 1}
                  aria-label={t('catalogs.photoRight', { n: i + 1 })}
                  onClick={() => move(i, i + 1)}
                >
                  →
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  disabled={busy}
                  aria-label={t('catalogs.photoRemove', { n: i + 1 })}
                  onClick={() => remove(i)}
                >
                  🗑
                </button>
              </div>
            </li>
          ))}
        </ol>
        <small className="muted">{busy ? t('catalogs.uploading') : t('catalogs.photosHelp')}</small>
        <label className="button small">
          {t('catalogs.addPhotos')}
          <input
            type="file"
            className="visually-hidden"
            accept="image/jpeg,image/png,image/webp"
            multiple
            data-testid="photo-input"
            onChange={(e) => {
              add([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {error ? (
        <p className="form-error small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Object URLs for files not uploaded yet, revoked when they change or the form closes. */
function usePreviews(files: File[]): string[] {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = files.map((f) => URL.createObjectURL(f));
    setUrls(made);
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [files]);
  return urls;
}
