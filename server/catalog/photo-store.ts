import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../db/database.ts';

export interface StoredPhoto {
  id: string;
  productId: string;
  token: string;
  width: number;
  height: number;
}

export interface PhotoFile {
  mimeType: string;
  bytes: Uint8Array;
}

/**
 * Where product photos live. One implementation today (the database, so Postgres backups and
 * several instances need nothing more); a `DATA_DIR` or object-storage one would implement the same.
 */
export interface PhotoStore {
  save(db: Executor, photo: { productId: string; width: number; height: number } & PhotoFile): Promise<StoredPhoto>;
  /** The file behind a public token, or null when there is none. */
  read(db: Executor, token: string): Promise<PhotoFile | null>;
  /** Whether the product's photo existed and was removed. */
  remove(db: Executor, productId: string, photoId: string): Promise<boolean>;
  /** Puts the product's photos in this order (the first is the one the bot sends); false when the ids are not exactly its photos. */
  reorder(db: Executor, productId: string, photoIds: string[]): Promise<boolean>;
}

/** 24 random bytes: a photo's address cannot be guessed from another's. */
const newToken = () => randomBytes(24).toString('base64url');

export const databasePhotoStore: PhotoStore = {
  async save(db, p) {
    const last = await db
      .selectFrom('product_photos')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('product_id', '=', p.productId)
      .executeTakeFirst();
    const row = await db
      .insertInto('product_photos')
      .values({
        id: randomUUID(),
        product_id: p.productId,
        token: newToken(),
        position: (last?.position ?? -1) + 1,
        mime_type: p.mimeType,
        width: p.width,
        height: p.height,
        bytes: p.bytes,
      })
      .returning(['id', 'product_id', 'token', 'width', 'height'])
      .executeTakeFirstOrThrow();
    return { id: row.id, productId: row.product_id, token: row.token, width: row.width, height: row.height };
  },
  async read(db, token) {
    const row = await db
      .selectFrom('product_photos')
      .select(['mime_type', 'bytes'])
      .where('token', '=', token)
      .executeTakeFirst();
    return row ? { mimeType: row.mime_type, bytes: row.bytes } : null;
  },
  async remove(db, productId, photoId) {
    const gone = await db
      .deleteFrom('product_photos')
      .where('id', '=', photoId)
      .where('product_id', '=', productId)
      .returning('id')
      .executeTakeFirst();
    return gone !== undefined;
  },
  async reorder(db, productId, photoIds) {
    const current = await db.selectFrom('product_photos').select('id').where('product_id', '=', productId).execute();
    const known = new Set(current.map((r) => r.id));
    if (
      photoIds.length !== known.size ||
      new Set(photoIds).size !== known.size ||
      !photoIds.every((id) => known.has(id))
    )
      return false;
    for (const [position, id] of photoIds.entries())
      await db.updateTable('product_photos').set({ position }).where('id', '=', id).execute();
    return true;
  },
};
