import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { apiError } from '../../shared/api/common.ts';
import { uploadMediaResponse } from '../../shared/api/media.ts';
import { mediaSizeLimits, sendableMediaTypes } from '../../shared/whatsapp-limits.ts';
import { findMediaFile, insertUploadedMedia } from '../db/queries/media-files.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json } from '../http/router.ts';
import { cleanFileName, sentFileName } from '../media/file-name.ts';
import { uploadUrl } from '../media/upload-url.ts';
import { sniffMediaType } from '../media/sniff-type.ts';
import { assertContactNotHeldByOther } from './handoff-access.ts';

/** Media contacts sent, kept when it arrived (Meta's copies expire), and agents' uploads to send. */
export const mediaRoutes = createRouter();
mediaRoutes.use('*', requireRole('agent'));

/** Types a browser may show in the page; anything else (HTML, SVG: scripts) is only downloaded. */
const inlineTypes = /^(image\/(jpeg|png|webp|gif)|audio\/[\w.+-]+|video\/[\w.+-]+|application\/pdf|text\/plain)$/;

/** The file name the contact's document (or the agent's upload) had, or one made from the id. */
function fileNameOf(id: string, payload: unknown, mimeType: string | null, uploaded: string | null): string {
  const named = sentFileName(payload, uploaded);
  if (named) return named;
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
    if (file.contact_id) await assertContactNotHeldByOther(c.var.deps.db, c.var.actor, file.contact_id);
    if (file.status !== 'stored' || !file.bytes)
      throw new AppError(404, 'media_unavailable', 'Este arquivo não pôde ser baixado do WhatsApp.');
    const type = file.mime_type?.split(';')[0]?.trim().toLowerCase() ?? 'application/octet-stream';
    const inline = c.req.valid('query').download !== '1' && inlineTypes.test(type);
    const name = fileNameOf(file.id, file.payload, file.mime_type, file.file_name);
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

export const fileTooLarge = () =>
  new AppError(
    413,
    'file_too_large',
    `O arquivo passa de ${mediaSizeLimits.upload / 1024 / 1024} MB, o maior que o Fluxo guarda para enviar.`,
  );

mediaRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['inbox'],
    description:
      'Upload a file to send as `multipart/form-data` with the field `file`: JPEG or PNG images up to 5 MB ' +
      '(sent as photos), PDF, text and Office documents up to 16 MB. Its `url` is public and unguessable, ' +
      'so WhatsApp downloads it by link when an agent sends it (`POST /api/handoffs/{id}/messages`).',
    responses: {
      201: json(uploadMediaResponse, 'Stored, not sent yet'),
      400: json(apiError, '`missing_file`'),
      413: json(apiError, '`file_too_large` (over 16 MB, or an image over Meta’s 5 MB)'),
      415: json(apiError, '`unsupported_media_type`: WhatsApp takes JPEG/PNG images and PDF, text or Office documents'),
    },
  }),
  async (c) => {
    const missing = () =>
      new AppError(400, 'missing_file', 'Envie o arquivo como multipart/form-data, no campo "file".');
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw missing();
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) throw missing();
    if (file.size > mediaSizeLimits.upload) throw fileTooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mimeType = sniffMediaType(file.type, bytes);
    if (!mimeType)
      throw new AppError(
        415,
        'unsupported_media_type',
        'O WhatsApp aceita imagens JPEG ou PNG e documentos PDF, de texto ou do Office.',
      );
    const kind = sendableMediaTypes[mimeType];
    if (bytes.byteLength > mediaSizeLimits[kind])
      throw new AppError(
        413,
        'file_too_large',
        'O WhatsApp aceita imagens de até 5 MB: envie como documento ou reduza.',
      );
    const { db, clock } = c.var.deps;
    const id = randomUUID();
    const token = randomBytes(24).toString('base64url');
    const fileName =
      cleanFileName(file.name) || `arquivo-${id.slice(0, 8)}.${mimeType.split('/')[1]?.slice(0, 8) ?? 'bin'}`;
    await insertUploadedMedia(db, {
      id,
      token,
      mimeType,
      fileName,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      uploadedBy: c.var.actor.userId,
      now: clock.now(),
    });
    const url = uploadUrl(publicBaseUrl(c), token, fileName);
    return c.json({ media: { id, kind, mimeType, fileName, size: bytes.byteLength, url } }, 201);
  },
);
