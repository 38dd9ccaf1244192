import { createRoute, z } from '@hono/zod-openapi';
import { channelTestResponse } from '../../shared/api/channels.ts';
import { findChannel, findChannelCredentials, recordConnectionCheck } from '../db/queries/channels.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { openSecrets } from '../channels/channel-directory.ts';
import { unreadableSecretsMessage } from './channel-connection.ts';
import { createRouter, json } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';
import { checkPhoneNumber } from '../whatsapp/phone-number-check.ts';
import { view } from './channels.ts';

/** An admin waits for this answer: long enough for a slow Graph API, short enough to read as "no answer". */
const checkTimeoutMs = 10_000;

/** Mounted under /api/channels: "Testar conexão", a real call to Meta with the channel's token. */
export const channelTestRoutes = createRouter();
channelTestRoutes.use('*', requireRole('admin'));

channelTestRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/test',
    tags: ['channels'],
    request: { params: z.object({ id: z.string().min(1).max(100) }) },
    responses: {
      200: json(
        channelTestResponse,
        "What Meta answered to `GET /{phone-number-id}` with the stored token: the number's " +
          "display phone, verified name and quality rating, or Meta's error (`ok: false`; a refusal by Meta is a result, " +
          'not an error of this API). The outcome is stored on the channel.',
      ),
    },
  }),
  async (c) => {
    const { db, secrets, clock, config } = c.var.deps;
    const { id } = c.req.valid('param');
    const channel = await findChannelCredentials(db, id);
    if (!channel) throw notFound('Canal');
    const opened = openSecrets(secrets, channel);
    if (!opened) throw new AppError(409, 'channel_secrets_unreadable', unreadableSecretsMessage);
    const result = await checkPhoneNumber(
      { ...config.graph, timeoutMs: checkTimeoutMs },
      channel.phone_number_id,
      opened.accessToken,
    );
    const checkedAt = clock.now();
    const outcome = result.ok
      ? // Meta accepted the token: whatever the sender saw before is fixed (e.g. a token re-enabled at Meta).
        {
          checked_at: checkedAt,
          check_ok: true,
          check_error: null,
          check_details: JSON.stringify(result.number),
          healthy: true,
          health_error: null,
          // Meta's tier, which paces every send of the number unless the admin set one.
          ...(result.number.throughput !== null && { graph_throughput: result.number.throughput }),
          throughput_read_at: checkedAt,
        }
      : { checked_at: checkedAt, check_ok: false, check_error: errorLine(result.error), check_details: null };
    const row = await changeAudited(c, {
      resource: 'Canal',
      action: 'channel.test',
      target: { type: 'channel', id },
      details: { ok: result.ok, ...(!result.ok && { code: result.error.code }) },
      // Tested with the token read above: a token saved meanwhile is not what was tested.
      change: async (tx) =>
        (await recordConnectionCheck(tx, id, channel.access_token_enc, outcome)) ?? findChannel(tx, id),
    });
    c.var.deps.messaging?.channels.invalidate();
    return c.json(
      {
        ok: result.ok,
        number: result.ok ? result.number : null,
        error: result.ok ? null : result.error,
        checkedAt: checkedAt.toISOString(),
        channel: view(c, row),
      },
      200,
    );
  },
);

/** Meta's code shown with its message, as Meta's docs and dashboards write it. */
function errorLine(error: { code: number | null; message: string }): string {
  if (error.code === null || error.message.startsWith(`(#${error.code})`)) return error.message;
  return `(#${error.code}) ${error.message}`;
}
