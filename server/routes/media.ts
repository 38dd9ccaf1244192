import { createRoute, z } from '@hono/zod-openapi';
import { findMediaFile } from '../db/queries/media-files.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/** Media contacts sent, kept when it arrived (Meta's copies expire): for the conversation pages. */
export const mediaRoutes = createRouter();
mediaRoutes.use('*', requireRole('agent'));

/** Types a browser may show in the page; anything else (HTML, SVG: scripts) is only downloaded. */
const inlineTypes = /^(image\/(jpeg|png|webp|gif)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf|text\/plain)$/;

/** The file name the contact's document had, or one made from the id; quotes and controls dropped. */
function fileNameOf(id: string, payload: unknown, mimeType: string | null): string {
  const raw = (payload as { raw?: { document?: { filename?: unknown } } } | null)?.raw?.document?.filename;
  const named = typeof raw === 'string' ? raw.replace(/[\u0000-\u001f"\\/]/g, '').trim() : '';
  if (named) return named.slice(0, 200);
  const ext = mimeType?.split('/')[1]?.split(';')[0]?.replace(/[^\w]/g, '') ?? 'bin';
  return `midia-${id.slice(0, 8)}.${ext}`;
}

mediaRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['conversations'],
    request: {
      params: z.object({ id: z.string().min(1).max(100) }),
      query: z.object({ download: z.enum(['0', '1']).optional() }),
    },
    responses: {
      200: {
        description: 'The file, with its content type; `?download=1` asks the browser to save it',
        content: { 'application/octet-stream': { schema: z.string() } },
      },
      404: { description: '`not_found`, or `media_unavailable` when its download from Meta failed' },
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const file = await findMediaFile(c.var.deps.db, id);
    if (!file) throw notFound('Arquivo');
    await assertContactNotHeldByOther(c.var.deps.db, c.var.actor, file.contact_id);
    if (file.status !== 'stored' || !file.bytes)
      throw new AppError(404, 'media_unavailable', 'Este arquivo não pôde ser baixado do WhatsApp.');
    const type = file.mime_type?.split(';')[0]?.trim().toLowerCase() ?? 'application/octet-stream';
    const inline = c.req.valid('query').download !== '1' && inlineTypes.test(type);
    const name = fileNameOf(file.id, file.payload, file.mime_type);
    const bytes = file.bytes;
    // pg gives a Buffer and PGlite a Uint8Array, both over a plain ArrayBuffer (never shared).
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'content-type': inline ? type : (file.mime_type ?? 'application/octet-stream'),
        'content-length': String(bytes.byteLength),
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        // A contact's file: the browser may keep it, shared caches may not. It never changes.
        'cache-control': 'private, max-age=86400, immutable',
        ...(file.sha256 ? { etag: `"${file.sha256}"` } : {}),
        'x-content-type-options': 'nosniff',
      },
    }) as never;
  },
);
