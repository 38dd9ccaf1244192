import { z } from 'zod';

export const handoffStatuses = ['open', 'claimed', 'resolved'] as const;

export const inboxMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  author: z.enum(['contact', 'bot', 'agent']),
  text: z.string().nullable(),
  type: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export const handoff = z.object({
  id: z.string(),
  status: z.enum(handoffStatuses),
  team: z.string(),
  note: z.string(),
  contact: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable() }),
  assignedUserId: z.string().nullable(),
  /** Variables the flow had collected when it handed over. */
  variables: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  /** The contact can get free text only inside WhatsApp's 24-hour window. */
  windowOpen: z.boolean(),
});
export const handoffsResponse = z.object({ handoffs: z.array(handoff) });
export const handoffDetailResponse = z.object({ handoff, messages: z.array(inboxMessage) });
export const agentMessageRequest = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'escreva a mensagem')
    .max(4096)
    .transform((s) => s.replaceAll('\u0000', '')),
});
/** An admin hands the conversation to someone (an agent or admin), or back to the queue with `null`. */
export const assignHandoffRequest = z.object({ userId: z.string().min(1).max(100).nullable() });
