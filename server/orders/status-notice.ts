import { formatBRL } from '../../runtime/lib/money.ts';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { orderStatusWords, type Order, type OrderNotice, type OrderStatus } from '../../shared/api/orders.ts';
import { renderTemplate } from '../../shared/template/render.ts';
import type { OrderNotificationRow } from '../db/queries/order-notifications.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';

export interface StatusNotice {
  notice: OrderNotice;
  /** What to queue for the customer; null when nothing is sent (`notice.reason` says why). */
  message: OutboundMessage | null;
}

/** The `{{placeholders}}` of a status message (`orderMessageVariables`), filled from the order. */
function orderVariables(order: Order, status: OrderStatus): Record<string, string> {
  return {
    numero: String(order.number),
    nome: order.contactName ?? '',
    total: formatBRL(order.totalCents),
    endereco: order.address,
    pagamento: order.paymentMethod ?? '',
    status: orderStatusWords[status],
  };
}

/**
 * What moving `order` to `status` tells its customer: the status's text while their 24-hour
 * window is open, its template once it has closed, nothing when the message is off, the order
 * has no customer to write to, or the window is closed and no template is set.
 */
export function statusNotice(
  order: Order,
  status: OrderStatus,
  setting: OrderNotificationRow | undefined,
  customer: { reachable: boolean; lastInboundAt: Date | null },
  now: Date,
): StatusNotice {
  const none = (reason: NonNullable<OrderNotice['reason']>): StatusNotice => ({
    notice: { status, via: null, message: null, reason },
    message: null,
  });
  if (!setting?.enabled) return none('disabled');
  if (!customer.reachable) return none('no_contact');
  const vars = orderVariables(order, status);
  if (serviceWindow(customer.lastInboundAt, now).open) {
    const text = renderTemplate(setting.text, vars).trim();
    if (!text) return none('disabled');
    return { notice: { status, via: 'text', message: text, reason: null }, message: { kind: 'text', text } };
  }
  if (!setting.template_name) return none('outside_window_no_template');
  const parameters = setting.template_parameters.map((p) => renderTemplate(p, vars));
  return {
    notice: { status, via: 'template', message: setting.template_name, reason: null },
    message: { kind: 'template', name: setting.template_name, language: setting.template_language, parameters },
  };
}

/**
 * What a payment confirmed with no flow left to hear it tells the customer (the `paid` notice),
 * by the same rule as a status's: text in the window, template outside, or why nothing.
 * `notice.status` (and `{{status}}`) is the order's status after the payment.
 */
export const paidNotice = (
  order: Order,
  setting: OrderNotificationRow | undefined,
  customer: { reachable: boolean; lastInboundAt: Date | null },
  now: Date,
): StatusNotice => statusNotice(order, order.status, setting, customer, now);
