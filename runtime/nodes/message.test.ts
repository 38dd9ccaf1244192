import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, sent } from '../testing/session-test-kit.ts';

describe('message', () => {
  it('splits long text at 4096 on a word boundary', async () => {
    const text = 'palavra '.repeat(1000).trim();
    const d = driver(buildFlow([{ id: 'm', type: 'message', data: { text } }], []));
    const msgs = sent(await d.send('oi'));
    expect(msgs.length).toBe(2);
    for (const m of msgs) {
      expect(m.kind === 'text' && m.text.length <= 4096).toBe(true);
      expect(m.kind === 'text' && !m.text.endsWith('palavr')).toBe(true);
    }
    expect(msgs.map((m) => (m.kind === 'text' ? m.text : '')).join(' ')).toBe(text);
  });

  it('sends media with a rendered caption after the text', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 'm',
            type: 'message',
            data: {
              text: 'Veja:',
              media: { kind: 'image', url: 'https://x/{{contact.phone}}.jpg', caption: 'Para {{contact.name}}' },
            },
          },
        ],
        [],
      ),
    );
    expect(sent(await d.send('oi'))).toEqual([
      { kind: 'text', text: 'Veja:' },
      { kind: 'media', media: 'image', url: 'https://x/5584991230001.jpg', caption: 'Para Ana Souza' },
    ]);
  });

  it('never sends a caption with audio', async () => {
    const d = driver(
      buildFlow(
        [{ id: 'm', type: 'message', data: { media: { kind: 'audio', url: 'https://x/a.ogg', caption: 'x' } } }],
        [],
      ),
    );
    expect(sent(await d.send('oi'))).toEqual([{ kind: 'media', media: 'audio', url: 'https://x/a.ogg' }]);
  });
});
