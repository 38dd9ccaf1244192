import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, texts } from '../testing/session-test-kit.ts';

describe('goto', () => {
  it('jumps to a node', async () => {
    const d = driver(
      buildFlow(
        [
          { id: 'g', type: 'goto', data: { target: { kind: 'node', nodeId: 'm' } } },
          { id: 'm', type: 'message', data: { text: 'cheguei' } },
        ],
        [],
      ),
    );
    expect(texts(await d.send('oi'))).toEqual(['cheguei']);
  });

  it('ends the session with a start_flow effect for a flow target', async () => {
    const d = driver(
      buildFlow([{ id: 'g', type: 'goto', data: { target: { kind: 'flow', flowId: 'flow-2' } } }], [], {
        variables: [{ name: 'x', type: 'string', initial: 'y' }],
      }),
    );
    const effects = await d.send('oi');
    expect(effectOf(effects, 'start_flow')).toEqual({ type: 'start_flow', flowId: 'flow-2', variables: { x: 'y' } });
    expect(d.session?.status).toBe('ended');
  });

  it('ends without a target', async () => {
    const d = driver(buildFlow([{ id: 'g', type: 'goto' }], []));
    expect(texts(await d.send('oi'))).toEqual([]);
    expect(d.session?.status).toBe('ended');
  });
});
