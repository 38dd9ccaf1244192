import type { z } from 'zod';
import type { handoffNoteRequest, transferHandoffRequest } from '../../shared/api/handoffs.ts';
import type { presenceRequest, presenceResponse, teamsResponse } from '../../shared/api/teams.ts';
import { request } from './http.ts';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;

/** Teams, presence and team work on a handoff (issue 19). */
export const teamsApi = {
  listTeams: () => request<Out<typeof teamsResponse>>('GET', '/api/teams'),
  getPresence: () => request<Out<typeof presenceResponse>>('GET', '/api/presence'),
  setPresence: (body: In<typeof presenceRequest>) =>
    request<Out<typeof presenceResponse>>('PUT', '/api/presence', body),
  addNote: (id: string, body: In<typeof handoffNoteRequest>) =>
    request<unknown>('POST', `/api/handoffs/${encodeURIComponent(id)}/notes`, body),
  transfer: (id: string, body: In<typeof transferHandoffRequest>) =>
    request<unknown>('POST', `/api/handoffs/${encodeURIComponent(id)}/transfer`, body),
};

export type Presence = Out<typeof presenceResponse>['presence'];
export type TeamView = Out<typeof teamsResponse>['teams'][number];
