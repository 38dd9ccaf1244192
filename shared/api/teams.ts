import { z } from 'zod';

export const presenceStatuses = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

const cannedReplyInput = z.object({
  title: z.string().trim().min(1).max(80),
  /** May hold `{{variables}}` of the conversation, filled in when the agent picks it. */
  text: z.string().trim().min(1).max(4096),
});
export const cannedReply = cannedReplyInput.extend({ id: z.string() });

export const team = z.object({
  id: z.string(),
  name: z.string(),
  /** First human reply expected within this many seconds of the handoff opening. */
  slaSeconds: z.number().int(),
  memberIds: z.array(z.string()),
  cannedReplies: z.array(cannedReply),
});
export type Team = z.infer<typeof team>;
export const teamsResponse = z.object({ teams: z.array(team) });
export const teamResponse = z.object({ team });

/** Names match the handoff block's `team` without regard to case. */
export const createTeamRequest = z.object({
  name: z.string().trim().min(1).max(60),
  slaSeconds: z.number().int().min(30).max(86_400).default(300),
  memberIds: z.array(z.string().min(1).max(100)).max(200).default([]),
  cannedReplies: z.array(cannedReplyInput).max(100).default([]),
});
export const updateTeamRequest = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  slaSeconds: z.number().int().min(30).max(86_400).optional(),
  memberIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  cannedReplies: z.array(cannedReplyInput).max(100).optional(),
});

export const presence = z.object({
  status: z.enum(presenceStatuses),
  /** Conversations this agent takes at once; routing gives no more. */
  capacity: z.number().int(),
  lastActiveAt: z.string().nullable(),
});
export const presenceResponse = z.object({ presence });
/** Also the studio's heartbeat: sending the same status again counts as activity (away after 10 min without). */
export const presenceRequest = z.object({
  status: z.enum(presenceStatuses),
  capacity: z.number().int().min(1).max(50).optional(),
});
