import type { z } from 'zod';
import type { handoffNote, handoffNoteRequest, transferHandoffRequest } from '../../shared/api/handoffs.ts';
import type { agentCapacityRequest, inboxAgentsResponse, teamQueuesResponse } from '../../shared/api/team-overview.ts';
import type {
  createTeamRequest,
  presenceRequest,
  presenceResponse,
  teamResponse,
  teamsResponse,
  updateTeamRequest,
} from '../../shared/api/teams.ts';
import { request } from './http.ts';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;
const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;
const handoffPath = (id: string) => `/api/handoffs/${encodeURIComponent(id)}`;

/** Teams, presence and team work on a handoff (issue 19). */
export const teamsApi = {
  listTeams: () => request<Out<typeof teamsResponse>>('GET', '/api/teams'),
  createTeam: (body: In<typeof createTeamRequest>) => request<Out<typeof teamResponse>>('POST', '/api/teams', body),
  updateTeam: (id: string, body: In<typeof updateTeamRequest>) =>
    request<Out<typeof teamResponse>>('PATCH', teamPath(id), body),
  deleteTeam: (id: string) => request<unknown>('DELETE', teamPath(id)),
  listAgents: () => request<Out<typeof inboxAgentsResponse>>('GET', '/api/teams/agents'),
  listQueues: () => request<Out<typeof teamQueuesResponse>>('GET', '/api/teams/queues'),
  setCapacity: (userId: string, body: In<typeof agentCapacityRequest>) =>
    request<unknown>('PUT', `/api/teams/agents/${encodeURIComponent(userId)}/capacity`, body),
  getPresence: () => request<Out<typeof presenceResponse>>('GET', '/api/presence'),
  setPresence: (body: In<typeof presenceRequest>) =>
    request<Out<typeof presenceResponse>>('PUT', '/api/presence', body),
  addNote: (id: string, body: In<typeof handoffNoteRequest>) =>
    request<unknown>('POST', `${handoffPath(id)}/notes`, body),
  transfer: (id: string, body: In<typeof transferHandoffRequest>) =>
    request<unknown>('POST', `${handoffPath(id)}/transfer`, body),
  reopen: (id: string, body: { text?: string }) => request<unknown>('POST', `${handoffPath(id)}/reopen`, body),
};

export type Presence = Out<typeof presenceResponse>['presence'];
export type TeamView = Out<typeof teamsResponse>['teams'][number];
export type InboxAgent = Out<typeof inboxAgentsResponse>['agents'][number];
export type TeamQueue = Out<typeof teamQueuesResponse>['queues'][number];
export type HandoffNoteView = Out<typeof handoffNote>;
