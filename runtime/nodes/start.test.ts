import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';

describe('start', () => {
  it('leads through next', async () => {
    const d = driver(
      buildFlow(
        [
          { id: 'st', type: 'start' },
          { id: 'm', type: 'message', data: { text: 'oi' } },
        ],
        [['st', 'next', 'm']],
      ),
    );
    expect(texts(await d.send('olá'))).toEqual(['oi']);
  });
});
