import { describe, expect, it } from 'vitest';
import { nextOrderStatuses, type Order } from '../../shared/api/orders.ts';
import type { OrderNotificationRow } from '../db/queries/order-notifications.ts';
import { csvCell } from './orders-csv.ts';
import { statusNotice } from './status-notice.ts';

const now = new Date('2026-12-06T12:00:00Z');
const order: Order = {
  id: 'o1',
  number: 42,
  contactId: 'c1',
  contactName: 'Ana',
  contactPhone: '5584991230001',
  channelId: 'ch',
  channelName: 'Loja',
  flowId: 'f',
  flowName: 'Pedidos',
  status: 'confirmed',
  paidAt: null,
  paymentReference: null,
  totalCents: 10380,
  address: 'Rua A, 1',
  notes: '',
  paymentMethod: 'pix',
  items: [],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
};
const setting = (over: Partial<OrderNotificationRow> = {}): OrderNotificationRow => ({
  status: 'shipped',
  enabled: true,
  text: 'Pedido #{{numero}} {{status}}: {{endereco}} ({{total}}, {{pagamento}})',
  template_name: null,
  template_language: 'pt_BR',
  template_parameters: [],
  updated_at: now,
  ...over,
});
const open = { reachable: true, lastInboundAt: new Date(now.getTime() - 60 * 60 * 1000) };
const closed = { reachable: true, lastInboundAt: new Date(now.getTime() - 25 * 60 * 60 * 1000) };

describe('statusNotice', () => {
  it('inside the window: the text with the order filled in', () => {
    expect(statusNotice(order, 'shipped', setting(), open, now)).toEqual({
      notice: {
        status: 'shipped',
        via: 'text',
        reason: null,
        message: 'Pedido #42 saiu para entrega: Rua A, 1 (R$ 103,80, pix)',
      },
      message: { kind: 'text', text: 'Pedido #42 saiu para entrega: Rua A, 1 (R$ 103,80, pix)' },
    });
  });

  it('outside the window: the template with its parameters filled, or nothing and why', () => {
    const withTemplate = setting({ template_name: 'pedido_status', template_parameters: ['{{nome}}', '{{numero}}'] });
    expect(statusNotice(order, 'shipped', withTemplate, closed, now).message).toEqual({
      kind: 'template',
      name: 'pedido_status',
      language: 'pt_BR',
      parameters: ['Ana', '42'],
    });
    expect(statusNotice(order, 'shipped', setting(), closed, now)).toEqual({
      notice: { status: 'shipped', via: null, message: null, reason: 'outside_window_no_template' },
      message: null,
    });
  });

  it('nothing when the message is off or blank, or nobody can be reached', () => {
    expect(statusNotice(order, 'shipped', setting({ enabled: false }), open, now).notice.reason).toBe('disabled');
    expect(statusNotice(order, 'shipped', setting({ text: '  ' }), open, now).notice.reason).toBe('disabled');
    expect(statusNotice(order, 'shipped', undefined, open, now).notice.reason).toBe('disabled');
    expect(
      statusNotice(order, 'shipped', setting(), { reachable: false, lastInboundAt: null }, now).notice.reason,
    ).toBe('no_contact');
  });
});

describe('nextOrderStatuses', () => {
  it.each([
    ['new', ['confirmed', 'preparing', 'shipped', 'delivered', 'cancelled']],
    ['shipped', ['delivered', 'cancelled']],
    ['delivered', []],
    ['cancelled', []],
  ] as const)('%s → %j', (from, to) => {
    expect(nextOrderStatuses(from)).toEqual(to);
  });
});

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+55 84', "'+55 84"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Rua A, 1', '"Rua A, 1"'],
    ['diz "oi"', '"diz ""oi"""'],
    ['linha\nnova', '"linha\nnova"'],
    ['simples', 'simples'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers and empty values alone', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });
});
