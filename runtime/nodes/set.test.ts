import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver } from '../testing/session-test-kit.ts';

describe('set', () => {
  it('renders templates as text and copies a lone placeholder with its type', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 's1',
            type: 'set',
            data: {
              assignments: [
                { variable: 'n', value: '{{ total }}' },
                { variable: 'msg', value: 'Total: {{total}}' },
                { variable: 'quem', value: '{{contact.name}}' },
              ],
            },
          },
        ],
        [],
        { variables: [{ name: 'total', type: 'number', initial: 1234.5 }] },
      ),
    );
    await d.send('oi');
    expect(d.session?.variables).toMatchObject({ n: 1234.5, msg: 'Total: 1.234,5', quem: 'Ana Souza' });
  });
});
