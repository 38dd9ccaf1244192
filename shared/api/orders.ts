import { z } from 'zod';

export const orderStatuses = ['new', 'confirmed', 'preparing', 'shipped', 'delivered', 'cancelled'] as const;

export const order = z.object({
  id: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  status: z.enum(orderStatuses),
  totalCents: z.number().int(),
  notes: z.string(),
  items: z.array(z.object({
    productId: z.string().nullable(), name: z.string(), unitPriceCents: z.number().int(), quantity: z.number().int(),
  })),
  createdAt: z.string(),
});
export const ordersResponse = z.object({ orders: z.array(order) });
export const orderResponse = z.object({ order });
export const updateOrderRequest = z.object({
  status: z.enum(orderStatuses).optional(),
  notes: z.string().max(2000).optional(),
});
