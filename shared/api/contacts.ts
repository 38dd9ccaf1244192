import { z } from 'zod';

export const contactSummary = z.object({
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  /** Where the contact stands: the live session's flow, version and node. */
  session: z.object({
    flowId: z.string(), version: z.number().int().nullable(), nodeId: z.string().nullable(), status: z.string(),
  }).nullable(),
});
export const contactsResponse = z.object({ contacts: z.array(contactSummary) });

export const contactMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  type: z.string(),
  text: z.string().nullable(),
  status: z.string(),
  error: z.unknown().nullable(),
  createdAt: z.string(),
});
export const contactMessagesResponse = z.object({ messages: z.array(contactMessage) });

export const operatorMessageRequest = z.union([
  z.object({ text: z.string().trim().min(1).max(4096).transform((s) => s.replaceAll('\u0000', '')) }),
  z.object({
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15).default('pt_BR'),
      parameters: z.array(z.string().max(1024)).default([]),
    }),
  }),
]);
