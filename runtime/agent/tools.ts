import { tool, type ToolSet } from 'ai';
import { z } from 'zod';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import type { AgentToolName } from '../../shared/flow/nodes/agent.ts';
import { weekdayOf } from '../../shared/agenda/zoned-time.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { whatsappLimits as wa } from '../../shared/whatsapp-limits.ts';
import {
  bookSlot,
  bookingDate,
  bookingVariable,
  dateLabel,
  hourLabel,
  listSlots,
  weekdayNamesBR,
  type OpenDay,
} from '../agenda.ts';
import type { StepContext } from '../context.ts';
import { annualToMonthlyRate, isValidFinancingInput, simulateFinancing } from '../lib/financing.ts';
import { formatBRL } from '../lib/money.ts';
import { normalizeText } from '../lib/normalize.ts';
import type { Product } from '../ports.ts';
import type { Json } from '../session.ts';
import type { AgentState, CartLine } from './state.ts';

/** How a turn ends when a tool says so; null lets the model go on. */
export type AgentExit = 'done' | 'escalate' | null;

/** What tools share during one turn: the step's context, the block's state and the exit signal. */
export interface ToolBox {
  node: FlowNodeOf<'agent'>;
  ctx: StepContext;
  state: AgentState;
  exit: AgentExit;
  /** The tool call running now: calls of one step run one after another, in the model's order. */
  serial?: Promise<unknown>;
}

/** Results the model reads; kept small so a big catalog does not eat the token budget. */
const maxProductsListed = 10;
const maxHttpBody = 4000;
/** Days `list_slots` returns at once (each with all its free times). */
const maxDaysListed = 5;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const dayView = (day: OpenDay) => ({
  date: day.date,
  label: `${weekdayNamesBR[weekdayOf(day.date)]} ${dateLabel(day.date)}`,
  slots: day.slots.map((s) => ({ startsAt: s.startsAt, time: hourLabel(s.time) })),
});

const productView = (p: Product) => ({
  id: p.id,
  name: p.name,
  price: formatBRL(p.priceCents),
  description: truncate(p.description, 200),
  inStock: p.stock === null || p.stock > 0,
});

const cartView = (cart: CartLine[]) => ({
  items: cart.map((l) => ({
    productId: l.productId,
    name: l.name,
    quantity: l.quantity,
    unit: formatBRL(l.unitPriceCents),
  })),
  total: formatBRL(cart.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0)),
});

/** A product card: the picture as header, name, price and description, and a button to add it. */
function sendProductCard(box: ToolBox, p: Product): void {
  const body = truncate(`*${p.name}*\n${formatBRL(p.priceCents)}\n${p.description}`.trim(), wa.interactiveBody);
  box.ctx.send({
    kind: 'buttons',
    body,
    ...(p.imageUrl ? { header: { kind: 'image' as const, url: p.imageUrl } } : {}),
    buttons: [{ id: `add:${p.id}`, title: truncate('Adicionar 🛒', wa.buttonTitle) }],
  });
}

/** The products as a WhatsApp list (≤ 10 rows), each row tappable. */
function sendProductList(box: ToolBox, products: Product[], body: string): void {
  box.ctx.send({
    kind: 'list',
    body: truncate(body || 'Veja as opções:', wa.interactiveBody),
    buttonLabel: 'Ver produtos',
    sections: [
      {
        rows: products.slice(0, wa.listRows).map((p) => ({
          id: `product:${p.id}`,
          title: truncate(p.name, wa.rowTitle),
          description: truncate(formatBRL(p.priceCents), wa.rowDescription),
        })),
      },
    ],
  });
}

const definitions = {
  search_catalog: (box) =>
    tool({
      description:
        'Search the product catalog by text, category name and price range (in reais). Set `present` to show the results to the contact as a tappable list.',
      inputSchema: z.object({
        query: z.string().optional(),
        category: z.string().optional(),
        minPrice: z.number().optional(),
        maxPrice: z.number().optional(),
        present: z.boolean().optional(),
        message: z.string().optional().describe('Text above the list, when presenting'),
      }),
      execute: async (a) => {
        const categories = await box.ctx.ports.catalog.categories([]);
        const wantedCategory = a.category ? normalizeText(a.category) : '';
        const ids = categories.filter((c) => !wantedCategory || normalizeText(c.name).includes(wantedCategory));
        const words = normalizeText(a.query ?? '')
          .split(' ')
          .filter((w) => w.length > 1);
        const lists = await Promise.all(ids.map((c) => box.ctx.ports.catalog.products(c.id)));
        const found = lists
          .flat()
          .filter((p) => p.stock === null || p.stock > 0)
          .filter((p) => a.minPrice === undefined || p.priceCents >= a.minPrice * 100)
          .filter((p) => a.maxPrice === undefined || p.priceCents <= a.maxPrice * 100)
          .filter((p) => {
            const text = normalizeText(`${p.name} ${p.description}`);
            return words.every((w) => text.includes(w));
          })
          .slice(0, maxProductsListed);
        if (a.present && found.length > 0) sendProductList(box, found, a.message ?? '');
        return { products: found.map(productView), presented: Boolean(a.present && found.length > 0) };
      },
    }),
  show_product: (box) =>
    tool({
      description: 'Send the contact a product card (picture, price, an "add to cart" button).',
      inputSchema: z.object({ productId: z.string() }),
      execute: async ({ productId }) => {
        const p = await box.ctx.ports.catalog.product(productId);
        if (!p) return { shown: false, error: 'product not found' };
        sendProductCard(box, p);
        return { shown: true, product: productView(p) };
      },
    }),
  cart: (box) =>
    tool({
      description:
        'View or change the cart: add a product, set its quantity (0 removes), remove it, or clear the cart.',
      inputSchema: z.object({
        action: z.enum(['view', 'add', 'set', 'remove', 'clear']),
        productId: z.string().optional(),
        quantity: z.number().int().min(0).max(999).optional(),
      }),
      execute: async ({ action, productId, quantity }) => {
        let cart = box.state.cart;
        if (action === 'clear') cart = [];
        if ((action === 'add' || action === 'set' || action === 'remove') && productId) {
          const line = cart.find((l) => l.productId === productId);
          if (action === 'remove' || (action === 'set' && quantity === 0)) {
            cart = cart.filter((l) => l.productId !== productId);
          } else if (line) {
            const q = action === 'add' ? line.quantity + (quantity ?? 1) : (quantity ?? line.quantity);
            cart = cart.map((l) => (l.productId === productId ? { ...l, quantity: q } : l));
          } else {
            const p = await box.ctx.ports.catalog.product(productId);
            if (!p) return { error: 'product not found', ...cartView(cart) };
            if (p.stock !== null && p.stock <= 0) return { error: 'sold out', ...cartView(cart) };
            cart = [...cart, { productId, name: p.name, unitPriceCents: p.priceCents, quantity: quantity || 1 }];
          }
        }
        box.state.cart = cart;
        return cartView(cart);
      },
    }),
  create_order: (box) =>
    tool({
      description: 'Place the order with the cart as it is, after the contact confirmed items, address and payment.',
      inputSchema: z.object({
        address: z.string().default(''),
        notes: z.string().default(''),
        paymentMethod: z.string().optional(),
      }),
      execute: async (a) => {
        const cart = box.state.cart;
        if (cart.length === 0) return { ordered: false, error: 'the cart is empty' };
        const totalCents = cart.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
        box.ctx.emit({
          type: 'record_order',
          items: cart.map((l) => ({ ...l })),
          totalCents,
          delivery: { address: a.address, notes: a.notes, paymentMethod: a.paymentMethod ?? null },
        });
        box.ctx.setVariable('pedido_total', totalCents / 100);
        box.state.cart = [];
        return { ordered: true, total: formatBRL(totalCents) };
      },
    }),
  list_slots: (box) =>
    tool({
      description:
        "List the free appointment times of the agenda: the next days with free times, or one day's (date as YYYY-MM-DD). Book one with book_slot and its `startsAt`.",
      inputSchema: z.object({ date: z.string().regex(isoDate).optional() }),
      execute: async ({ date }) => {
        const { agendaId } = box.node.data;
        if (!agendaId) return { days: [], error: 'no agenda is configured for this block' };
        const days = await listSlots(box.ctx.ports, agendaId, date ?? null, maxDaysListed);
        return { days: days.map(dayView) };
      },
    }),
  book_slot: (box) =>
    tool({
      description:
        'Book a free time list_slots returned, by its `startsAt`, once the contact chose it. A taken time is reported as taken: offer other free times.',
      inputSchema: z.object({ startsAt: z.string() }),
      execute: async ({ startsAt }) => {
        const { agendaId } = box.node.data;
        if (!agendaId) return { booked: false, error: 'no agenda is configured for this block' };
        const at = new Date(startsAt);
        if (Number.isNaN(at.getTime())) return { booked: false, error: 'unknown time: use a startsAt from list_slots' };
        const { ctx } = box;
        const booking = await bookSlot(ctx.ports, {
          agendaId,
          startsAt: at.toISOString(),
          contact: { name: ctx.contact.name, phone: ctx.contact.phone },
        });
        if (!booking) return { booked: false, error: 'taken: this time is no longer free; call list_slots again' };
        const booked = bookingVariable(ctx.ports, bookingDate(ctx.ports, booking), booking);
        ctx.setVariable('agendamento', booked);
        return { booked: true, booking: booked };
      },
    }),
  financing: () =>
    tool({
      description: 'Simulate a loan (Price or SAC): first and last installments and totals.',
      inputSchema: z.object({
        price: z.number().positive().describe('Price in reais'),
        downPayment: z.number().min(0).default(0),
        annualRatePercent: z.number().min(0).max(100).default(10.5),
        months: z.number().int().min(1).max(600),
        system: z.enum(['price', 'sac']).default('price'),
      }),
      execute: async (a) => {
        const input = {
          system: a.system,
          principalCents: Math.round((a.price - a.downPayment) * 100),
          monthlyRate: annualToMonthlyRate(a.annualRatePercent / 100),
          months: a.months,
        };
        if (!isValidFinancingInput(input)) return { error: 'invalid values' };
        const s = simulateFinancing(input);
        return {
          financed: formatBRL(input.principalCents),
          firstInstallment: formatBRL(s.firstInstallmentCents),
          lastInstallment: formatBRL(s.lastInstallmentCents),
          totalPaid: formatBRL(s.totalPaidCents),
          totalInterest: formatBRL(s.totalInterestCents),
        };
      },
    }),
  set_variables: (box) => {
    const declared = box.node.data.variables;
    const shape = Object.fromEntries(
      declared.map((v) => [
        v.name,
        z
          .string()
          .optional()
          .describe(v.description || v.name),
      ]),
    );
    return tool({
      description: 'Store what you learned about the contact in these fields.',
      inputSchema: z.object(shape),
      execute: async (values: Record<string, string | undefined>) => {
        const stored: Record<string, string> = {};
        for (const v of declared) {
          const value = values[v.name];
          if (value === undefined) continue;
          box.ctx.setVariable(v.name, value);
          stored[v.name] = value;
        }
        return { stored };
      },
    });
  },
  handoff: (box) =>
    tool({
      description:
        'Hand the contact to a human: say why and how qualified or urgent they are (score 0 to 1). Low scores are declined and you go on.',
      inputSchema: z.object({
        reason: z.string(),
        score: z.number().min(0).max(1),
        team: z.string().optional(),
      }),
      execute: async ({ reason, score, team }) => {
        box.ctx.setVariable('score', score);
        if (score < box.node.data.escalateThreshold) return { handedOff: false, why: 'score below the threshold' };
        box.ctx.setVariable('handoff_reason', reason);
        if (team) box.ctx.setVariable('handoff_team', team);
        box.exit = 'escalate';
        return { handedOff: true };
      },
    }),
  http: (box) =>
    tool({
      description: `Call the business's endpoint. ${box.node.data.http.description}`.trim(),
      inputSchema: z.object({
        query: z.record(z.string(), z.string()).optional(),
        body: z.string().optional(),
      }),
      execute: async ({ query, body }) => {
        const d = box.node.data.http;
        const url = new URL(box.ctx.render(d.url));
        for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
        const res = await box.ctx.ports.http({
          method: d.method,
          url: url.toString(),
          headers: body ? { 'content-type': 'application/json' } : {},
          ...(body && d.method !== 'GET' ? { body } : {}),
          timeoutMs: 10_000,
        });
        return { status: res.status, body: truncate(res.body, maxHttpBody) };
      },
    }),
  end: (box) =>
    tool({
      description: 'Finish: the goal was reached or the contact is done. Say goodbye in your reply.',
      inputSchema: z.object({ summary: z.string().optional() }),
      execute: async ({ summary }) => {
        if (summary) box.ctx.setVariable('ai_resumo', summary);
        box.exit = 'done';
        return { ended: true };
      },
    }),
} satisfies Record<AgentToolName, (box: ToolBox) => ToolSet[string]>;

/** The tools the block allows, each with the editor's extra instructions. */
export function agentTools(box: ToolBox): ToolSet {
  const d = box.node.data;
  const tools: ToolSet = {};
  for (const name of new Set(d.tools)) {
    const t = definitions[name](box);
    const extra = d.toolInstructions[name]?.trim();
    const run = t.execute;
    tools[name] = {
      ...t,
      ...(extra ? { description: `${t.description ?? ''}\n${extra}` } : {}),
      // The SDK starts a step's calls together; "add to cart" then "create order" must not race.
      ...(run
        ? {
            execute: (input: unknown, options: Parameters<typeof run>[1]) => {
              const next = (box.serial ?? Promise.resolve()).then(() => run(input as never, options));
              box.serial = next.catch(() => undefined);
              return next;
            },
          }
        : {}),
    };
  }
  return tools;
}

/** Tool inputs and outputs as stored JSON (dropping what JSON cannot hold). */
export const asJson = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;
