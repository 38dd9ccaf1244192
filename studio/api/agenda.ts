import type { z } from 'zod';
import type {
  agendaResponse,
  agendasResponse,
  bookingResponse,
  bookingsResponse,
  createAgendaRequest,
  updateAgendaRequest,
} from '../../shared/api/agendas.ts';
import { request } from './http.ts';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

const agendaPath = (id: string) => `/api/agendas/${encodeURIComponent(id)}`;

/** The Agenda page's and the schedule block's calls. */
export const agendaApi = {
  list: () => request<Out<typeof agendasResponse>>('GET', '/api/agendas'),
  create: (body: In<typeof createAgendaRequest>) => request<Out<typeof agendaResponse>>('POST', '/api/agendas', body),
  update: (id: string, body: In<typeof updateAgendaRequest>) =>
    request<Out<typeof agendaResponse>>('PATCH', agendaPath(id), body),
  remove: (id: string) => request<null>('DELETE', agendaPath(id)),
  bookings: (from: Date, to: Date, agendaId?: string) => {
    const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    if (agendaId) params.set('agendaId', agendaId);
    return request<Out<typeof bookingsResponse>>('GET', `/api/bookings?${params.toString()}`);
  },
  cancel: (id: string) =>
    request<Out<typeof bookingResponse>>('POST', `/api/bookings/${encodeURIComponent(id)}/cancel`),
};

export type AgendaView = Out<typeof agendaResponse>['agenda'];
export type BookingView = Out<typeof bookingResponse>['booking'];
