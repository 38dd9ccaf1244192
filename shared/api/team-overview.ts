import { z } from 'zod';
import { presenceStatuses } from './teams.ts';

/** One person who answers in the inbox, as colleagues and supervisors see them. */
export const inboxAgent = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'supervisor', 'agent']),
  status: z.enum(presenceStatuses),
  capacity: z.number().int(),
  /** Conversations they hold now (claimed, not resolved). */
  openCount: z.number().int(),
  teamIds: z.array(z.string()),
  lastActiveAt: z.string().nullable(),
});
export const inboxAgentsResponse = z.object({ agents: z.array(inboxAgent) });

/** A team's queue: conversations waiting for someone (teamId null: a team the block named that does not exist). */
export const teamQueue = z.object({
  teamId: z.string().nullable(),
  team: z.string(),
  slaSeconds: z.number().int().nullable(),
  waiting: z.number().int(),
  /** When the longest-waiting one was handed over. */
  oldestWaitingSince: z.string().nullable(),
  claimed: z.number().int(),
  /** Unresolved conversations whose first-reply SLA ran out. */
  breached: z.number().int(),
});
export const teamQueuesResponse = z.object({ queues: z.array(teamQueue) });

/** A supervisor sets how many conversations someone takes at once. */
export const agentCapacityRequest = z.object({ capacity: z.number().int().min(1).max(50) });
