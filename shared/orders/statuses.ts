/**
 * The order statuses and the moves between them, zod-free so the studio's first chunk can
 * import them; `shared/api/orders.ts` builds the API's contract on top.
 */
/** In the order a delivery goes; `cancelled` is the way out of any open status. */
export const orderStatuses = ['new', 'confirmed', 'preparing', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
/** The messages an order sends its customer: one per status, and `paid` for a payment confirmed with no flow left to say so. */
export const orderNoticeKinds = [...orderStatuses, 'paid'] as const;
export type OrderNoticeKind = (typeof orderNoticeKinds)[number];
const progression: readonly OrderStatus[] = ['new', 'confirmed', 'preparing', 'shipped', 'delivered'];

/**
 * Where an order may go from `from`: any later step (skipping is fine: a counter sale goes
 * straight to delivered) or cancelled. Delivered and cancelled orders are closed.
 */
export function nextOrderStatuses(from: OrderStatus): OrderStatus[] {
  const at = progression.indexOf(from);
  if (at === -1 || from === 'delivered') return [];
  return [...progression.slice(at + 1), 'cancelled'];
}

/** How a status reads in a customer's message (`{{status}}`); the studio's labels are in its i18n. */
export const orderStatusWords: Record<OrderStatus, string> = {
  new: 'recebido',
  confirmed: 'confirmado',
  preparing: 'em preparo',
  shipped: 'saiu para entrega',
  delivered: 'entregue',
  cancelled: 'cancelado',
};

/** The `{{placeholders}}` a status message may use, filled from the order. */
export const orderMessageVariables = ['numero', 'nome', 'total', 'endereco', 'pagamento', 'status'] as const;
