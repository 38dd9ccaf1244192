import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, texts } from '../testing/session-test-kit.ts';

describe('end', () => {
  it('says goodbye and ends the session', async () => {
    const d = driver(buildFlow([{ id: 'e', type: 'end', data: { message: 'Até logo, {{contact.name}}' } }], []));
    const effects = await d.send('oi');
    expect(texts(effects)).toEqual(['Até logo, Ana Souza']);
    expect(d.session?.status).toBe('ended');
  });

  it('sends nothing without a message; the next message starts over', async () => {
    const d = driver(buildFlow([{ id: 'e', type: 'end' }], []));
    expect(texts(await d.send('oi'))).toEqual([]);
    const again = await d.send('oi de novo');
    expect(again.some((e) => e.type === 'analytics' && e.nodeId === 's' && e.kind === 'enter')).toBe(true);
  });
});
