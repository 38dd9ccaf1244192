import type { OutboundMessage } from '../../runtime/messages.ts';
import { pixKeyType } from '../../shared/pix/pix-key.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { whatsappLimits as limits } from '../../shared/whatsapp-limits.ts';

type Body = Record<string, unknown>;
/** Meta's amounts: an integer `value` and its `offset` (100: cents). */
const amount = (cents: number) => ({ value: cents, offset: 100 });

/**
 * The Payments API's `review_and_pay` (Brazil): the order with its items and total, and a Pix
 * copia e cola as the way to pay. `reference_id` is the key `order_status` updates repeat.
 */
export function orderDetailsBody(m: Extract<OutboundMessage, { kind: 'order_details' }>): Body {
  return {
    type: 'interactive',
    interactive: {
      type: 'order_details',
      body: { text: truncate(m.body, limits.interactiveBody) },
      action: {
        name: 'review_and_pay',
        parameters: {
          reference_id: m.reference,
          type: 'digital-goods',
          payment_type: 'br',
          payment_configuration: m.configurationName,
          currency: 'BRL',
          total_amount: amount(m.totalCents),
          order: {
            status: 'pending',
            items: m.items.map((i, n) => ({
              retailer_id: `${m.reference}-${n + 1}`,
              name: truncate(i.name, 60),
              amount: amount(i.amountCents),
              quantity: i.quantity,
            })),
            subtotal: amount(m.items.reduce((sum, i) => sum + i.amountCents * i.quantity, 0)),
          },
          payment_settings: [
            {
              type: 'pix_dynamic_code',
              pix_dynamic_code: {
                code: m.pix.code,
                merchant_name: m.pix.merchantName,
                key: m.pix.key,
                key_type: pixKeyType(m.pix.key),
              },
            },
          ],
        },
      },
    },
  };
}

/** An update of an order sent with `order_details`, found by its `reference_id`. */
export function orderStatusBody(m: Extract<OutboundMessage, { kind: 'order_status' }>): Body {
  return {
    type: 'interactive',
    interactive: {
      type: 'order_status',
      body: { text: truncate(m.body, limits.interactiveBody) },
      action: {
        name: 'review_order',
        parameters: { reference_id: m.reference, order: { status: m.status } },
      },
    },
  };
}
