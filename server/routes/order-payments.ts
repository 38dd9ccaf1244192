import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { markPaidRequest, markPaidResponse, nextOrderStatuses } from '../../shared/api/orders.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findContact } from '../db/queries/contacts.ts';
import { emitEvent } from '../event-webhooks/emit-event.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';
import { loadOrders } from '../orders/order-view.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import { tellPaid } from '../payments/tell-paid.ts';

/**
 * `POST /api/orders/{id}/paid`: the business's PSP or bank (an API token) or someone in the
 * Pedidos page ("Marcar como pago") confirms a payment. The order is marked paid and confirmed, a Payments API order
 * gets its `order_status` (its `paid` notice's template outside the 24-hour window, where Meta
 * takes no interactive message), and the session waiting at the payment block resumes at `paid`,
 * through the contact's queue like a handoff's resolution; with none waiting, the queue tells the
 * customer (tell-paid.ts). Idempotent: a second call changes and sends nothing.
 */
export const orderPaymentRoutes = createRouter();
// Who may: as for the other order routes (orders.ts's guard covers this router too, mounted
// with it): everyone who serves customers, and API tokens, such as the PSP's (an agent's token
// is enough and can do little else).
orderPaymentRoutes.use('*', requireRole('editor', 'agent'));

const errorShape = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

orderPaymentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/paid',
    tags: ['orders'],
    request: { params: z.object({ id: z.string().min(1).max(100) }), body: jsonBody(markPaidRequest) },
    responses: {
      200: json(markPaidResponse, 'Paid (`alreadyPaid` when an earlier call did it; nothing is sent again)'),
      404: json(errorShape, 'No such order'),
      409: json(errorShape, '`order_cancelled`, `txid_mismatch` or `amount_mismatch`: nothing changed'),
    },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const now = clock.now();
    const result = await db.transaction().execute(async (tx) => {
      const order = await tx
        .selectFrom('orders')
        .select(['id', 'status', 'total_cents', 'payment_reference', 'paid_at', 'contact_id', 'channel_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!order) throw notFound('Pedido');
      if (order.paid_at) return { alreadyPaid: true, contactId: null };
      if (order.status === 'cancelled')
        throw new AppError(409, 'order_cancelled', 'Este pedido foi cancelado; o pagamento não foi registrado.');
      if (body.txid !== undefined && body.txid !== order.payment_reference)
        throw new AppError(409, 'txid_mismatch', 'O txid não é o da cobrança Pix deste pedido.');
      if (body.amountCents !== undefined && body.amountCents !== order.total_cents)
        throw new AppError(409, 'amount_mismatch', 'O valor pago não é o total do pedido.');
      const status = nextOrderStatuses(order.status).includes('confirmed') ? 'confirmed' : order.status;
      await tx.updateTable('orders').set({ paid_at: now, status, updated_at: now }).where('id', '=', id).execute();
      const contact = order.contact_id ? await findContact(tx, order.contact_id) : undefined;
      // How this route told the customer (Payments API numbers only), for the audit log.
      let told: { notified: string | null; reason: string | null } | null = null;
      if (contact && order.payment_reference) {
        const channel = await tx
          .selectFrom('channels')
          .select('payment_configuration')
          .where('id', '=', contact.channel_id)
          .executeTakeFirst();
        const lastInbound = contact.last_inbound_at ? new Date(contact.last_inbound_at) : null;
        // A Payments API order is told by `order_status`, an interactive message: Meta takes it
        // only inside the 24-hour window; outside it the `paid` notice's template (or nothing, and why).
        const paymentsApi = Boolean(channel?.payment_configuration);
        if (paymentsApi && serviceWindow(lastInbound, now).open) {
          await queueOutbound(tx, {
            contact,
            message: {
              kind: 'order_status',
              reference: order.payment_reference,
              status: 'processing',
              body: 'Pagamento confirmado.',
            },
            authorKind: 'bot',
            authorId: null,
            now,
          });
          told = { notified: 'order_status', reason: null };
        } else if (paymentsApi) {
          const notice = await tellPaid(tx, id, now);
          told = { notified: notice?.via ?? null, reason: notice?.reason ?? null };
        }
        // The waiting session hears of it through the contact's queue, like a resolved handoff;
        // when none is waiting any more, the queue tells the customer unless done here (`told`).
        await tx
          .insertInto('scheduled_jobs')
          .values({
            id: randomUUID(),
            kind: 'payment_confirmed',
            key: `paid:${id}`,
            contact_id: contact.id,
            run_at: now,
            payload: JSON.stringify({ reference: order.payment_reference, told: paymentsApi }),
            status: 'pending',
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }
      await emitEvent(
        tx,
        {
          type: 'order.updated',
          contactId: order.contact_id,
          data: { orderId: id, contactId: order.contact_id, status, previousStatus: order.status, paid: true },
        },
        now,
      );
      await recordAudit(tx, c.var.actor, 'orders.paid', { type: 'order', id }, { txid: body.txid ?? null, ...told });
      return { alreadyPaid: false, contactId: contact?.id ?? null };
    });
    if (result.contactId) {
      c.var.deps.messaging?.wake([result.contactId]);
      c.var.deps.messaging?.wakeSender();
    }
    const [loaded] = await loadOrders(db, { id, limit: 1 });
    return c.json({ order: loaded!.order, alreadyPaid: result.alreadyPaid }, 200);
  },
);
