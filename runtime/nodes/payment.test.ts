import { describe, expect, it } from 'vitest';
import { buildBrCode } from '../../shared/pix/br-code.ts';
import { buildFlow } from '../testing/build-flow.ts';
import { testPix } from '../testing/ports.ts';
import { driver, effectOf, sent, texts } from '../testing/session-test-kit.ts';

const flow = (data: Record<string, unknown> = {}) =>
  buildFlow(
    [
      { id: 'v', type: 'set', data: { assignments: [{ variable: 'valor', value: '45,90' }] } },
      { id: 'p', type: 'payment', data: { description: 'Mensalidade', expiryMinutes: 30, ...data } },
      { id: 'ok', type: 'message', data: { text: 'Obrigado!' } },
      { id: 'late', type: 'message', data: { text: 'O código expirou.' } },
      { id: 'err', type: 'message', data: { text: 'Não consegui gerar o Pix.' } },
    ],
    [
      ['v', 'next', 'p'],
      ['p', 'paid', 'ok'],
      ['p', 'expired', 'late'],
      ['p', 'error', 'err'],
    ],
  );

describe('payment', () => {
  it('sends the copia e cola and its QR, then waits for the confirmation of its own charge', async () => {
    const d = driver(flow());
    const first = await d.send('oi');
    const charge = effectOf(first, 'request_payment');
    // The BR Code of the amount with the charge's reference as txid, for the settings' key.
    const code = buildBrCode({ ...testPix, amountCents: 4590, txid: charge?.reference });
    expect(charge).toMatchObject({ amountCents: 4590, description: 'Mensalidade', code });
    expect(charge?.expiresAt).toBe('2026-11-23T12:30:00.000Z');
    expect(code).toContain('540545.90');
    const messages = sent(first);
    expect(messages.map((m) => m.kind)).toEqual(['text', 'text', 'media']);
    expect(texts(first)[1]).toBe(code);
    expect(messages[2]).toMatchObject({ url: `https://fluxo.test/pix/${charge?.reference}.png`, media: 'image' });

    // Writing meanwhile, or another charge's confirmation, does not move the block.
    expect(sent(await d.send('já paguei'))).toEqual([]);
    expect(sent(await d.event({ type: 'payment_confirmed', reference: 'other' }))).toEqual([]);
    const paid = await d.event({ type: 'payment_confirmed', reference: charge!.reference });
    expect(texts(paid)).toEqual(['Pagamento recebido. Obrigado! ✅', 'Obrigado!']);
    expect(effectOf(paid, 'cancel_timer')?.key).toBe(effectOf(first, 'set_timer')?.key);
    expect(d.session?.status).toBe('ended');
  });

  it("takes expired when the charge's timer fires", async () => {
    const d = driver(flow());
    const key = effectOf(await d.send('oi'), 'set_timer')?.key ?? '';
    expect(texts(await d.event({ type: 'timer', key }))).toEqual(['O código expirou.']);
    // A confirmation after the expiry finds no waiting block.
    expect(await d.event({ type: 'payment_confirmed', reference: 'id1' })).toEqual([]);
  });

  it('sends order_details instead when the channel has the Payments API', async () => {
    const d = driver(flow(), { pix: { ...testPix, paymentConfiguration: 'loja-pix' } });
    const messages = sent(await d.send('oi'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'order_details',
      configurationName: 'loja-pix',
      totalCents: 4590,
      items: [{ name: 'Mensalidade', amountCents: 4590, quantity: 1 }],
      pix: { key: testPix.key, merchantName: 'Fulano de Tal' },
    });
  });

  it('takes error without a Pix key or without a positive amount', async () => {
    expect(texts(await driver(flow(), { pix: null }).send('oi'))).toEqual(['Não consegui gerar o Pix.']);
    expect(texts(await driver(flow({ amount: 'grátis' })).send('oi'))).toEqual(['Não consegui gerar o Pix.']);
    expect(texts(await driver(flow({ amount: '0' })).send('oi'))).toEqual(['Não consegui gerar o Pix.']);
  });

  it("uses the settings' expiry when the block has none", async () => {
    const first = await driver(flow({ expiryMinutes: null })).send('oi');
    expect(effectOf(first, 'set_timer')?.at).toBe('2026-11-23T13:00:00.000Z');
  });
});
