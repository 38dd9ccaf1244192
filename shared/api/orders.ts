import { z } from 'zod';
import { orderNoticeKinds, orderStatuses } from '../orders/statuses.ts';

export {
  nextOrderStatuses,
  orderMessageVariables,
  orderStatuses,
  orderNoticeKinds,
  orderStatusWords,
  type OrderNoticeKind,
  type OrderStatus,
} from '../orders/statuses.ts';

/** Why a status change did not message the customer. */
export const notNotifiedReasons = ['disabled', 'no_contact', 'outside_window_no_template'] as const;

/** What a status change sends the customer: a text in the 24-hour window, a template outside it. */
export const orderNotice = z.object({
  status: z.enum(orderStatuses),
  via: z.enum(['text', 'template']).nullable(),
  /** The text as the customer reads it, or the template's name; null when nothing is sent. */
  message: z.string().nullable(),
  reason: z.enum(notNotifiedReasons).nullable(),
});
export type OrderNotice = z.infer<typeof orderNotice>;

export const orderItem = z.object({
  productId: z.string().nullable(),
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
});

export const order = z.object({
  id: z.string(),
  /** Short and sequential: what the customer and the shop say to each other ("pedido 42"). */
  number: z.number().int(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  flowId: z.string().nullable(),
  flowName: z.string().nullable(),
  status: z.enum(orderStatuses),
  totalCents: z.number().int(),
  address: z.string(),
  notes: z.string(),
  paymentMethod: z.string().nullable(),
  /** When the payment was confirmed (PSP callback or "Marcar como pago"); null while unpaid. */
  paidAt: z.string().nullable(),
  /** The Pix charge's reference (txid) when a payment block charged the order. */
  paymentReference: z.string().nullable(),
  items: z.array(orderItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof order>;

/** A day (`2026-12-06`, its whole day in UTC) or an instant with its offset (the studio sends the local day's ends). */
const periodEnd = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Filters shared by the list and the CSV export; both ends of the period are inclusive. */
export const ordersFilter = z.object({
  status: z.enum(orderStatuses).optional(),
  channelId: z.string().min(1).max(100).optional(),
  from: periodEnd.optional(),
  to: periodEnd.optional(),
  /** Part of the customer's name or phone. */
  q: z.string().trim().max(100).optional(),
});
export type OrdersFilter = z.infer<typeof ordersFilter>;

export const ordersResponse = z.object({ orders: z.array(order) });
/** One order and what each status it may move to would send its customer now. */
export const orderResponse = z.object({ order, next: z.array(orderNotice) });
export const updateOrderRequest = z.object({
  status: z.enum(orderStatuses).optional(),
  notes: z.string().max(2000).optional(),
});
/** `POST /api/orders/{id}/paid`: optional checks against the Pix charge; a mismatch changes nothing (409). */
export const markPaidRequest = z.object({
  /** The txid the PSP reports: must be the charge's reference. */
  txid: z.string().trim().min(1).max(35).optional(),
  /** What was paid, in cents: must be the order's total. */
  amountCents: z.number().int().positive().optional(),
});
export const markPaidResponse = z.object({ order, alreadyPaid: z.boolean() });

/** `notice` tells whether the customer was messaged about a status change (null when the status did not change). */
export const updateOrderResponse = orderResponse.extend({ notice: orderNotice.nullable() });

const templateRef = z.object({
  name: z.string().trim().min(1).max(512),
  language: z.string().min(2).max(15).default('pt_BR'),
  /** Body parameters in order; each may use the same `{{placeholders}}` as the text. */
  parameters: z.array(z.string().max(1024)).max(20).default([]),
});

export const orderNotification = z.object({
  /** A status, or `paid`: a payment confirmed once no flow is waiting for it (`POST /api/orders/{id}/paid`). */
  status: z.enum(orderNoticeKinds),
  enabled: z.boolean(),
  text: z.string().max(4096),
  /** Sent instead of the text when the customer's 24-hour window is closed; null sends nothing then. */
  template: templateRef.nullable(),
});
export type OrderNotification = z.infer<typeof orderNotification>;
export const orderNotificationsResponse = z.object({ notifications: z.array(orderNotification) });
/** Only the statuses sent change; within one, only the fields sent. */
export const updateOrderNotificationsRequest = z.object({
  notifications: z
    .array(
      z.object({
        status: z.enum(orderNoticeKinds),
        enabled: z.boolean().optional(),
        text: z.string().max(4096).optional(),
        template: templateRef.nullable().optional(),
      }),
    )
    .min(1)
    .max(orderNoticeKinds.length),
});
