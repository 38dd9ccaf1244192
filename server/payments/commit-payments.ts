import type { Tx } from '../db/database.ts';
import { insertOrder } from '../db/queries/orders.ts';
import type { FluxoEvent } from '../event-webhooks/emit-event.ts';
import type { ContactOutcome } from '../conversation/run-contact.ts';
import { databaseQrStore } from './qr-store.ts';

type Charge = NonNullable<ContactOutcome['payments']>[number];

/**
 * Records each Pix charge on its order, in the step's transaction: the session's newest order
 * of that amount not yet charged (a product picker's, usually recorded moments before), or a
 * new order of one line (the block's description) when the flow charges an amount alone.
 * Answers the events of the orders it created.
 */
export async function commitPayments(
  tx: Tx,
  contact: { id: string; channel_id: string | null },
  charges: Charge[],
  now: Date,
): Promise<FluxoEvent[]> {
  const events: FluxoEvent[] = [];
  for (const c of charges) {
    // The QR image is drawn once, now, and served from the store by its reference.
    await databaseQrStore.save(tx, c.reference, c.code);
    const charge = { payment_reference: c.reference, pix_code: c.code, payment_method: 'pix' };
    const existing = await tx
      .selectFrom('orders')
      .select('id')
      .where('session_id', '=', c.sessionId)
      .where('status', '=', 'new')
      .where('payment_reference', 'is', null)
      .where('total_cents', '=', c.amountCents)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (existing) {
      await tx
        .updateTable('orders')
        .set({ ...charge, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      continue;
    }
    const item = { name: c.description || 'Pix', unitPriceCents: c.amountCents, quantity: 1 };
    const orderId = await insertOrder(
      tx,
      {
        contact_id: contact.id,
        channel_id: contact.channel_id,
        session_id: c.sessionId,
        flow_id: c.flowId,
        total_cents: c.amountCents,
        ...charge,
      },
      [{ product_id: null, name: item.name, unit_price_cents: item.unitPriceCents, quantity: 1 }],
      now,
    );
    events.push({
      type: 'order.created',
      contactId: contact.id,
      data: { orderId, contactId: contact.id, status: 'new', totalCents: c.amountCents, items: [item] },
    });
  }
  return events;
}
