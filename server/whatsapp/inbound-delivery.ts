import type { ParsedContact, ParsedInboundMessage } from './parse-message.ts';
import type { ParsedStatus } from './parse-status.ts';

/**
 * What one webhook change brings for a channel we know: the webhook builds it, the inbox
 * (`AppDeps.inbox`) takes it, `conversation/store-inbound.ts` stores it.
 */
export interface InboundDelivery {
  channelId: string;
  contacts: ParsedContact[];
  messages: ParsedInboundMessage[];
  statuses: ParsedStatus[];
}
