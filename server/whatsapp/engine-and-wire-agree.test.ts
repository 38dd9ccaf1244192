import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../runtime/messages.ts';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { driver, sent } from '../../runtime/testing/session-test-kit.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import { toGraphMessage } from './to-graph-message.ts';

/**
 * The engine splits and clips what it builds; the server splits and clips again at the wire.
 * With one splitter and one clipper the second pass must change nothing: what the simulator and
 * the history show is exactly what the contact gets.
 */
const ana = { waId: '5584991230001', userId: null };

/** The texts the wire payloads for one engine message carry, in order. */
function wireTexts(message: OutboundMessage): string[] {
  return toGraphMessage(message, ana).map((body) => {
    const payload = body as {
      text?: { body: string };
      interactive?: { action: { buttons: { reply: { title: string } }[] } };
    };
    return payload.text?.body ?? payload.interactive?.action.buttons.map((b) => b.reply.title).join('|') ?? '';
  });
}

async function engineMessages(node: Record<string, unknown>): Promise<OutboundMessage[]> {
  return sent(await driver(buildFlow([{ id: 'n', ...node } as never], [])).send('oi'));
}

describe('engine and wire break texts the same way', () => {
  it('a long text with a paragraph break in the first half of a message', async () => {
    const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    // A paragraph break at 2,999 units, a line break later, then plenty more: a splitter that
    // prefers the last space or line break cuts elsewhere than one that prefers the paragraph.
    const text = `${words(1000, 'ab')}\n\n${words(300, 'cd')}\n${words(1500, 'ef')}`;
    const messages = await engineMessages({ type: 'message', data: { text } });
    const engine = messages.map((m) => (m.kind === 'text' ? m.text : ''));
    expect(engine.length).toBeGreaterThan(1);
    expect(engine[0]).toBe(words(1000, 'ab'));
    expect(messages.flatMap(wireTexts)).toEqual(engine);
    for (const chunk of engine) expect(chunk.length).toBeLessThanOrEqual(whatsappLimits.text);
  });

  it('emoji titles are clipped once, in UTF-16 units', async () => {
    const title = '😍'.repeat(15); // 15 code points, 30 UTF-16 units
    const [message] = await engineMessages({ type: 'menu', data: { text: 'Escolha', options: [{ id: 'a', title }] } });
    expect(message?.kind).toBe('buttons');
    const engineTitle = message?.kind === 'buttons' ? (message.buttons[0]?.title ?? '') : '';
    expect(engineTitle).toBe(`${'😍'.repeat(9)}…`);
    expect(engineTitle.length).toBeLessThanOrEqual(whatsappLimits.buttonTitle);
    expect(wireTexts(message as OutboundMessage)).toEqual([engineTitle]);
  });
});
