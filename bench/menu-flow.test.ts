import { describe, expect, it } from 'vitest';
import { flowDocument } from '../shared/flow/schema.ts';
import { validateFlow } from '../shared/flow/validate/index.ts';
import { driver, sent } from '../runtime/testing/session-test-kit.ts';
import { menuFlow, menuSteps } from './menu-flow.ts';

/** The benchmark counts on these: if the flow drifts, its reply matching would report nonsense. */
describe("the benchmark's menu flow", () => {
  it('is publishable', () => {
    expect(validateFlow(menuFlow).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('owes one reply to a button tap and two to a row tap, in a loop', async () => {
    const d = driver(flowDocument.parse(menuFlow));
    const kinds = async (effects: Promise<Parameters<typeof sent>[0]>) => sent(await effects).map((m) => m.kind);
    expect(await kinds(d.send('oi'))).toEqual(['buttons']);
    for (let i = 1; i <= 4; i += 2) {
      const button = menuSteps.button.reply(i);
      expect(await kinds(d.content({ kind: 'reply', id: button.id, title: button.title }))).toHaveLength(
        menuSteps.button.replies,
      );
      const row = menuSteps.row.reply(i + 1);
      const replies = sent(await d.content({ kind: 'reply', id: row.id, title: row.title }));
      expect(replies.map((m) => m.kind)).toEqual(['text', 'buttons']);
      expect(replies).toHaveLength(menuSteps.row.replies);
    }
  });
});
