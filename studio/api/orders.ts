import type { z } from 'zod';
import type {
  orderNotificationsResponse,
  orderResponse,
  ordersResponse,
  updateOrderNotificationsRequest,
  updateOrderRequest,
  updateOrderResponse,
  markPaidResponse,
} from '../../shared/api/orders.ts';
import { request } from './http.ts';

type In<T extends z.ZodType> = z.input<T>;
type Out<T extends z.ZodType> = z.output<T>;

/** The list's filters as the API reads them; empty fields are left out. */
export interface OrderQuery {
  status?: string;
  channelId?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** `?status=…&from=…` from the filled-in filters, for the list and for the CSV link. */
export function orderQueryString(query: OrderQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  const text = params.toString();
  return text ? `?${text}` : '';
}

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/** The Pedidos page's calls, apart from `client.ts` so the page's routes stay in one file. */
export const ordersApi = {
  list: (query: OrderQuery) => request<Out<typeof ordersResponse>>('GET', `/api/orders${orderQueryString(query)}`),
  get: (id: string) => request<Out<typeof orderResponse>>('GET', orderPath(id)),
  /** 409 `invalid_transition` when the order cannot move to that status. */
  update: (id: string, body: In<typeof updateOrderRequest>) =>
    request<Out<typeof updateOrderResponse>>('PATCH', orderPath(id), body),
  markPaid: (id: string) => request<Out<typeof markPaidResponse>>('POST', `${orderPath(id)}/paid`, {}),
  exportUrl: (query: OrderQuery) => `/api/orders/export.csv${orderQueryString(query)}`,
  notifications: () => request<Out<typeof orderNotificationsResponse>>('GET', '/api/order-notifications'),
  updateNotifications: (body: In<typeof updateOrderNotificationsRequest>) =>
    request<Out<typeof orderNotificationsResponse>>('PATCH', '/api/order-notifications', body),
};

export type OrderView = Out<typeof orderResponse>['order'];
export type OrderNoticeView = Out<typeof orderResponse>['next'][number];
export type OrderNotificationView = Out<typeof orderNotificationsResponse>['notifications'][number];
