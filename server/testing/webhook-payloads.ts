/**
 * Webhook bodies shaped like Meta's (and like the fixtures), for the benchmark and
 * integration tests. Serialise with `metaJson` to get Meta's wire bytes, then sign those.
 */
export interface ChannelAddress {
  phoneNumberId: string;
  displayPhone: string;
  wabaId: string;
}

export interface StatusWebhookInput extends ChannelAddress {
  wamid: string;
  /** The contact's wa_id. */
  recipient: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'played';
  timestamp: Date;
  /** For `failed`: Meta's error code (e.g. 131047) and title. */
  error?: { code: number; title: string };
  /** Meta echoes the `biz_opaque_callback_data` given at send time in every status of that message. */
  bizOpaqueCallbackData?: string;
}

export interface MessageWebhookInput extends ChannelAddress {
  wamid: string;
  from: string;
  name: string;
  timestamp: Date;
  /** A typed text, or a tap on reply buttons / a list row (sent as `interactive`). */
  text?: string;
  reply?: { id: string; title: string; list?: boolean };
  /** The message being answered (our buttons or list message). */
  contextId?: string;
}

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

function envelope(channel: ChannelAddress, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: channel.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: channel.displayPhone, phone_number_id: channel.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function statusWebhook(input: StatusWebhookInput) {
  const status: Record<string, unknown> = {
    id: input.wamid,
    status: input.status,
    timestamp: seconds(input.timestamp),
    recipient_id: input.recipient,
  };
  if (input.bizOpaqueCallbackData !== undefined) status.biz_opaque_callback_data = input.bizOpaqueCallbackData;
  if (input.status === 'failed' && input.error) {
    status.errors = [
      {
        code: input.error.code,
        title: input.error.title,
        message: input.error.title,
        error_data: { details: input.error.title },
        href: '/documentation/business-messaging/whatsapp/support/error-codes',
      },
    ];
  }
  return envelope(input, { statuses: [status] });
}

export function messageWebhook(input: MessageWebhookInput) {
  const message: Record<string, unknown> = { from: input.from, id: input.wamid, timestamp: seconds(input.timestamp) };
  if (input.contextId) message.context = { from: input.displayPhone, id: input.contextId };
  if (input.reply) {
    const kind = input.reply.list ? 'list_reply' : 'button_reply';
    message.type = 'interactive';
    message.interactive = { type: kind, [kind]: { id: input.reply.id, title: input.reply.title } };
  } else {
    message.type = 'text';
    message.text = { body: input.text ?? '' };
  }
  return envelope(input, { contacts: [{ profile: { name: input.name }, wa_id: input.from }], messages: [message] });
}

/** Compact JSON escaped as Meta sends it: `\/` and `\uXXXX` (lowercase) for non-ASCII. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
