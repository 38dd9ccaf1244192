import { Hono } from 'hono';
import QRCode from 'qrcode';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../http/errors.ts';

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
 * `/pix/<reference>.png`: drawn from the order's stored code (the same text always makes the
 * same picture), so nothing but the code is kept; it stops working once the order is deleted.
 */
export const pixQrFiles = new Hono<AppEnv>();

pixQrFiles.get('/pix/:file', async (c) => {
  const reference = /^([A-Za-z0-9]{8,25})\.png$/.exec(c.req.param('file'))?.[1];
  const order = reference
    ? await c.var.deps.db
        .selectFrom('orders')
        .select('pix_code')
        .where('payment_reference', '=', reference)
        .executeTakeFirst()
    : undefined;
  if (!order?.pix_code) return c.json(errorBody('not_found', 'Código Pix não encontrado.'), 404);
  c.header('Content-Type', 'image/png');
  c.header('Cache-Control', 'public, max-age=86400, immutable');
  return c.body(new Uint8Array(await pixQrPng(order.pix_code)), 200);
});
