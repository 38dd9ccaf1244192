import { brCodeTxid, buildBrCode } from '../../shared/pix/br-code.ts';
import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import { parseNumberBR } from '../lib/number-br.ts';
import { formatBRL } from '../lib/money.ts';

/**
 * A Pix charge inside the chat. The code is built here (shared/pix, pure); the QR image behind
 * its URL and the order it belongs to are the server's (the `request_payment` effect). Whatever
 * the contact writes meanwhile does not move the block: only the confirmation or the expiry do.
 */
export const payment: Executor<'payment'> = {
  async enter(node, ctx) {
    const amount = parseNumberBR(ctx.render(node.data.amount));
    const amountCents = amount === null ? 0 : Math.round(amount * 100);
    const pix = await ctx.ports.payments?.pix(ctx.contact.channelId ?? null);
    if (amountCents <= 0 || !pix) return output('error');
    // One key for the BR Code's txid, Meta's reference_id and the QR's address: letters and digits, 25 at most.
    const reference = brCodeTxid(ctx.ports.ids.next());
    const description = ctx.render(node.data.description).trim();
    const code = buildBrCode({
      key: pix.key,
      merchantName: pix.merchantName,
      merchantCity: pix.merchantCity,
      amountCents,
      txid: reference,
    });
    const minutes = node.data.expiryMinutes ?? pix.expiryMinutes;
    const text = ctx.render(node.data.message).trim();
    if (pix.paymentConfiguration) {
      ctx.send({
        kind: 'order_details',
        reference,
        body: text || `${description} · ${formatBRL(amountCents)}`,
        configurationName: pix.paymentConfiguration,
        items: [{ name: description || 'Pagamento', amountCents, quantity: 1 }],
        totalCents: amountCents,
        pix: { code, merchantName: pix.merchantName, key: pix.key },
      });
    } else {
      if (text) ctx.send({ kind: 'text', text });
      ctx.send({ kind: 'text', text: code });
      ctx.send({ kind: 'media', media: 'image', url: pix.qrImageUrl(reference), caption: formatBRL(amountCents) });
    }
    const timerKey = ctx.startTimer(minutes);
    ctx.emit({
      type: 'request_payment',
      reference,
      amountCents,
      description,
      code,
      expiresAt: new Date(ctx.now.getTime() + minutes * 60_000).toISOString(),
    });
    return waitFor('payment', { timerKey, state: { reference } });
  },
  resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('expired');
    if (input.type !== 'paid' || input.reference !== awaiting.state.reference) return { type: 'wait', awaiting };
    const text = ctx.render(node.data.paidMessage).trim();
    if (text) ctx.send({ kind: 'text', text });
    return output('paid');
  },
};
