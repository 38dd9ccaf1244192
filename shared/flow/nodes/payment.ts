import { z } from 'zod';
import { templateText } from '../common.ts';

/**
 * Charges the contact by Pix without leaving the chat: the Pix copia e cola as text and as a QR
 * image, or Meta's `order_details` (review_and_pay) on a channel enabled for the Payments API.
 * Waits for the confirmation (`paid`) or for the expiry (`expired`); `error` when the amount is
 * not a positive value or Pix is not set up in Configurações.
 */
export const paymentData = z.object({
  /** The amount, e.g. `{{valor}}`; empty charges the order the flow just recorded (product picker). */
  amount: templateText.default('{{valor}}'),
  /** What is charged, shown in the Pix app and on the order's line. */
  description: templateText.default('Pagamento'),
  /** Sent before the code. */
  message: templateText.default('Para pagar com Pix, copie o código abaixo e cole no app do seu banco:'),
  /** Sent when the payment is confirmed, before the flow goes on through `paid`. */
  paidMessage: templateText.default('Pagamento recebido. Obrigado! ✅'),
  /** The `expired` output fires after this; null uses the Pix settings' default. */
  expiryMinutes: z
    .number()
    .int()
    .positive()
    .max(60 * 24 * 30)
    .nullable()
    .default(null),
});
export type PaymentData = z.infer<typeof paymentData>;
