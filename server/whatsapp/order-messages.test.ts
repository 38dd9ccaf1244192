import { describe, expect, it } from 'vitest';
import { checkSendPayload } from '../testing/fake-graph-validate.ts';
import { toGraphMessage } from './to-graph-message.ts';

const to = { waId: '5584991230001', userId: null };
const details = {
  kind: 'order_details' as const,
  reference: 'abc123',
  body: 'Mensalidade · R$ 45,90',
  configurationName: 'loja-pix',
  items: [{ name: 'Mensalidade', amountCents: 4590, quantity: 1 }],
  totalCents: 4590,
  pix: { code: '000201…6304ABCD', merchantName: 'Fulano de Tal', key: '11222333000181' },
};

describe('Payments API messages', () => {
  it('sends review_and_pay with the order, its BRL total and the Pix dynamic code', () => {
    const [body] = toGraphMessage(details, to);
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+5584991230001',
      type: 'interactive',
      interactive: {
        type: 'order_details',
        body: { text: 'Mensalidade · R$ 45,90' },
        action: {
          name: 'review_and_pay',
          parameters: {
            reference_id: 'abc123',
            type: 'digital-goods',
            payment_type: 'br',
            payment_configuration: 'loja-pix',
            currency: 'BRL',
            total_amount: { value: 4590, offset: 100 },
            order: {
              status: 'pending',
              items: [
                { retailer_id: 'abc123-1', name: 'Mensalidade', amount: { value: 4590, offset: 100 }, quantity: 1 },
              ],
              subtotal: { value: 4590, offset: 100 },
            },
            payment_settings: [
              {
                type: 'pix_dynamic_code',
                pix_dynamic_code: {
                  code: '000201…6304ABCD',
                  merchant_name: 'Fulano de Tal',
                  key: '11222333000181',
                  key_type: 'CNPJ',
                },
              },
            ],
          },
        },
      },
    });
    expect(checkSendPayload(body)).toBeNull();
  });

  it('sends order_status with the same reference_id', () => {
    const [body] = toGraphMessage(
      { kind: 'order_status', reference: 'abc123', status: 'processing', body: 'Pagamento confirmado.' },
      to,
    );
    expect(body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'order_status',
        body: { text: 'Pagamento confirmado.' },
        action: { name: 'review_order', parameters: { reference_id: 'abc123', order: { status: 'processing' } } },
      },
    });
    expect(checkSendPayload(body)).toBeNull();
  });

  it('the fake Graph API refuses what Meta would: no Pix code, a bad status', () => {
    const [body] = toGraphMessage(details, to) as [
      { interactive: { action: { parameters: Record<string, unknown> } } },
    ];
    body.interactive.action.parameters.payment_settings = [];
    expect(checkSendPayload(body)?.code).toBe(131008);
    const [status] = toGraphMessage(
      { kind: 'order_status', reference: 'abc123', status: 'processing', body: 'ok' },
      to,
    ) as [{ interactive: { action: { parameters: { order: { status: string } } } } }];
    status.interactive.action.parameters.order.status = 'paid';
    expect(checkSendPayload(status)?.code).toBe(131009);
  });
});
