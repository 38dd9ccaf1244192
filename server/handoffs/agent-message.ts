import type { z } from 'zod';
import type { agentMessageRequest } from '../../shared/api/handoffs.ts';
import { templateComponentView } from '../../shared/api/message-templates.ts';
import { fillTemplateBody, templateBodyParameters } from '../../shared/messages/template-body.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { sendableMediaTypes, type SendableMediaType } from '../../shared/whatsapp-limits.ts';
import type { Executor } from '../db/database.ts';
import { findUploadedMedia } from '../db/queries/media-files.ts';
import { AppError } from '../http/errors.ts';
import { uploadUrl } from '../media/upload-url.ts';

type AgentMessageRequest = z.infer<typeof agentMessageRequest>;

/**
 * The message an agent's request asks to send to a contact of `channelId`: a text, an upload
 * (sent by its public link, as product photos are) or an approved template of that channel.
 * Bad references are 400s here; the caller checks the 24-hour window for all but templates.
 */
export async function agentMessage(
  db: Executor,
  body: AgentMessageRequest,
  to: { channelId: string; publicBase: string },
): Promise<OutboundMessage> {
  if ('text' in body) return { kind: 'text', text: body.text };
  if ('mediaId' in body) {
    const media = await findUploadedMedia(db, body.mediaId);
    const kind = media ? sendableMediaTypes[media.mimeType as SendableMediaType] : undefined;
    if (!media || !kind) throw new AppError(400, 'invalid_media', 'Esse arquivo não existe: envie-o de novo.');
    return {
      kind: 'media',
      media: kind,
      url: uploadUrl(to.publicBase, media.token, media.fileName),
      ...(body.caption ? { caption: body.caption } : {}),
      ...(kind === 'document' ? { filename: media.fileName } : {}),
    };
  }
  const row = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('id', '=', body.template.id)
    .executeTakeFirst();
  if (!row || row.channel_id !== to.channelId || row.status !== 'APPROVED')
    throw new AppError(400, 'invalid_template', 'Escolha um modelo aprovado do canal deste contato.');
  const components = templateComponentView.array().catch([]).parse(row.components);
  const names = templateBodyParameters(components);
  const values = body.template.parameters;
  if (values.length !== names.length)
    throw new AppError(
      400,
      'invalid_parameters',
      `O modelo ${row.name} tem ${names.length} variáveis; foram enviados ${values.length} valores.`,
    );
  return {
    kind: 'template',
    name: row.name,
    language: row.language,
    parameters: values,
    ...(row.parameter_format === 'NAMED' ? { parameterNames: names } : {}),
    text: fillTemplateBody(components, values),
  };
}
