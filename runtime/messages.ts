/**
 * Channel-neutral messages the engine sends: the one contract lives in
 * shared/messages/outbound.ts (zod schema and `textOf`); the engine uses its types.
 */
export type {
  ListRow,
  ListSection,
  MediaKind,
  MessageHeader,
  OutboundKind,
  OutboundMessage,
  ReplyButton,
} from '../shared/messages/outbound.ts';
