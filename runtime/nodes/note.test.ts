import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';

describe('note', () => {
  it('ends quietly if a corrupt flow ever reaches one', async () => {
    const d = driver(buildFlow([{ id: 'n', type: 'note', data: { text: 'lembrete' } }], []));
    expect(texts(await d.send('oi'))).toEqual([]);
    expect(d.session).toMatchObject({ status: 'ended', error: null });
  });
});
