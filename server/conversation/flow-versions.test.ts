import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flowDocument } from '../../shared/flow/schema.ts';
import type { Db } from '../db/database.ts';
import { insertFlow, publishVersion } from '../db/queries/flows.ts';
import { echoFlow } from '../testing/messaging-harness.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createFlowVersions } from './flow-versions.ts';

/** Counts the statements sent through the database it is plugged into. */
class CountQueries implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  transformResult<T>(args: { result: T }): Promise<T> {
    return Promise.resolve(args.result);
  }
}

describe('published flow versions', () => {
  let test: TestDb;
  let flowId: string;
  beforeEach(async () => {
    test = await createTestDb();
    const draft = flowDocument.parse(echoFlow);
    const row = await insertFlow(test.db, draft, null);
    flowId = row.id;
    await test.db.transaction().execute((tx) => publishVersion(tx, flowId, draft, 'v1', null));
  });
  afterEach(() => test.close());

  it('answers a burst of runs with one lookup, and looks again once the short cache expires', async () => {
    const counter = new CountQueries();
    let nowMs = 1_000_000;
    const versions = createFlowVersions(test.db.withPlugin(counter) as Db, { now: () => nowMs });

    const burst = await Promise.all(Array.from({ length: 25 }, () => versions.published(flowId)));
    expect(new Set(burst.map((v) => v?.id)).size).toBe(1);
    expect(burst[0]?.flowId).toBe(flowId);
    // One query for which version is published, one for its graph.
    expect(counter.count).toBe(2);

    await Promise.all(Array.from({ length: 25 }, () => versions.published(flowId)));
    expect(counter.count).toBe(2);

    nowMs += 1001;
    await Promise.all(Array.from({ length: 25 }, () => versions.published(flowId)));
    // The graph is cached for good; only the published version is asked again.
    expect(counter.count).toBe(3);
  });

  it('finds a newly published version after the cache expires', async () => {
    let nowMs = 1_000_000;
    const versions = createFlowVersions(test.db, { now: () => nowMs });
    const first = await versions.published(flowId);
    const draft = flowDocument.parse({ ...echoFlow, name: 'v2' });
    await test.db.transaction().execute((tx) => publishVersion(tx, flowId, draft, 'v2', null));
    expect((await versions.published(flowId))?.id).toBe(first?.id);
    nowMs += 1001;
    const second = await versions.published(flowId);
    expect(second?.id).not.toBe(first?.id);
    expect(second?.flow.name).toBe('v2');
  });
});
