import { sql, type Kysely } from 'kysely';

/**
 * Orders remember where they came from (channel) and what the flow collected for delivery
 * (address, payment method), and get a short number people can say on the phone. Each status
 * change may notify the customer with a message the admin edits: a text inside the 24-hour
 * window, an approved template outside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('channel_id', 'text', (c) => c.references('channels.id').onDelete('set null'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payment_method', 'text')
    // Adding an identity column numbers the existing rows too.
    .addColumn('number', 'integer', (c) => c.notNull().generatedByDefaultAsIdentity().unique())
    .execute();
  await db.schema.createIndex('orders_created_idx').on('orders').column('created_at').execute();

  await db.schema
    .createTable('order_notifications')
    .addColumn('status', 'text', (c) =>
      c.primaryKey().check(sql`status in ('new','confirmed','preparing','shipped','delivered','cancelled')`),
    )
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('template_name', 'text')
    .addColumn('template_language', 'text', (c) => c.notNull().defaultTo('pt_BR'))
    .addColumn('template_parameters', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  const defaults: [status: string, enabled: boolean, text: string][] = [
    ['new', false, 'Recebemos seu pedido #{{numero}} ({{total}}). Em instantes confirmamos por aqui. 🙂'],
    ['confirmed', true, 'Oi, {{nome}}! Seu pedido #{{numero}} foi confirmado ✅ Total: {{total}}.'],
    ['preparing', true, 'Seu pedido #{{numero}} está sendo preparado 👩‍🍳'],
    ['shipped', true, 'Seu pedido #{{numero}} saiu para entrega 🛵 Endereço: {{endereco}}'],
    ['delivered', true, 'Pedido #{{numero}} entregue! Obrigado pela preferência, {{nome}} 💚'],
    ['cancelled', true, 'Seu pedido #{{numero}} foi cancelado. Se tiver dúvidas, é só responder esta mensagem.'],
  ];
  const rows = defaults.map(([status, enabled, text]) => sql`(${status}, ${enabled}, ${text})`);
  await sql`insert into order_notifications (status, enabled, text) values ${sql.join(rows)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_notifications').execute();
  await db.schema.dropIndex('orders_created_idx').execute();
  await db.schema
    .alterTable('orders')
    .dropColumn('number')
    .dropColumn('payment_method')
    .dropColumn('address')
    .dropColumn('channel_id')
    .execute();
}
