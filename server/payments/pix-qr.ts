import { Hono } from 'hono';
import QRCode from 'qrcode';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../http/errors.ts';
import { databaseQrStore } from './qr-store.ts';

/**
 * Where the QR image of a Pix charge is served: public (Meta downloads it by link, without our
 * credentials) and unguessable (the charge's reference: 25 random letters and digits), under
 * `PUBLIC_URL` when set, as product photos are.
 */
export const pixQrUrl = (publicUrl: string | null, reference: string) => `${publicUrl ?? ''}/pix/${reference}.png`;

/** The PNG of a BR Code: medium error correction, big enough for a phone camera off another screen. */
export const pixQrPng = (code: string): Promise<Buffer> =>
  QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });

/**
 * `/pix/<reference>.png`: the image kept when the charge was made (qr-store.ts; a conversation's
 * or the simulator's). A charge from before images were kept is drawn from its order's stored
 * code (the same text always makes the same picture), so messages already sent still load.
 */
export const pixQrFiles = new Hono<AppEnv>();

pixQrFiles.get('/pix/:file', async (c) => {
  const { db } = c.var.deps;
  const reference = /^([A-Za-z0-9]{8,25})\.png$/.exec(c.req.param('file'))?.[1];
  let image = reference ? await databaseQrStore.read(db, reference) : null;
  if (reference && !image) {
    const order = await db
      .selectFrom('orders')
      .select('pix_code')
      .where('payment_reference', '=', reference)
      .executeTakeFirst();
    if (order?.pix_code) image = { mimeType: 'image/png', bytes: new Uint8Array(await pixQrPng(order.pix_code)) };
  }
  if (!image) return c.json(errorBody('not_found', 'Código Pix não encontrado.'), 404);
  c.header('Content-Type', image.mimeType);
  c.header('Cache-Control', 'public, max-age=86400, immutable');
  return c.body(new Uint8Array(image.bytes), 200);
});
