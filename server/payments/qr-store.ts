import type { Executor } from '../db/database.ts';
import type { PhotoFile } from '../catalog/photo-store.ts';
import { pixQrPng } from './pix-qr.ts';

/**
 * Where Pix QR images live, by the charge's reference; the same shape of store as product
 * photos' (photo-store.ts): the database today, so backups and several instances need nothing
 * more; a `DATA_DIR` or object-storage one would implement the same.
 */
export interface QrStore {
  /** Draws and keeps the QR of a charge's code; a reference already kept keeps its image. */
  save(db: Executor, reference: string, code: string): Promise<void>;
  /** The image behind a reference, or null when there is none. */
  read(db: Executor, reference: string): Promise<PhotoFile | null>;
}

export const databaseQrStore: QrStore = {
  async save(db, reference, code) {
    await db
      .insertInto('pix_qr_images')
      .values({ reference, mime_type: 'image/png', bytes: new Uint8Array(await pixQrPng(code)) })
      .onConflict((oc) => oc.column('reference').doNothing())
      .execute();
  },
  async read(db, reference) {
    const row = await db
      .selectFrom('pix_qr_images')
      .select(['mime_type', 'bytes'])
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row ? { mimeType: row.mime_type, bytes: row.bytes } : null;
  },
};
