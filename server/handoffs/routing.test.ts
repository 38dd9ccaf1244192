import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { insertTeam, upsertPresence } from '../db/queries/teams.ts';
import { createUser } from '../db/queries/users.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { routeQueued } from './routing.ts';
import { awayAfterMs, markFirstReply, markIdleAway, markSlaBreaches } from './sla.ts';

/** A clock the test moves by hand. */
function testClock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

let testDb: TestDb;
let db: Db;
let channelId: string;
const minute = 60_000;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  channelId = randomUUID();
  await db
    .insertInto('channels')
    .values({
      id: channelId,
      name: 'Loja',
      phone_number_id: '106000000000999',
      waba_id: null,
      display_phone: null,
      access_token_enc: 'x',
      app_secret_enc: 'x',
      verify_token: 'v',
      flow_id: null,
    })
    .execute();
});
afterAll(() => testDb.close());

beforeEach(async () => {
  await db.deleteFrom('handoffs').execute();
  await db.deleteFrom('teams').execute();
  await db.deleteFrom('agent_presence').execute();
  await db.deleteFrom('users').execute();
});

let phone = 5584990000000;
async function openHandoff(team: string, at: Date, priority = 0): Promise<string> {
  const contactId = randomUUID();
  await db
    .insertInto('contacts')
    .values({ id: contactId, channel_id: channelId, wa_id: String(phone++), name: 'C', variables: '{}' })
    .execute();
  const id = randomUUID();
  await db
    .insertInto('handoffs')
    .values({
      id,
      contact_id: contactId,
      session_id: null,
      team,
      status: 'open',
      context: '{}',
      created_at: at,
      priority,
    })
    .execute();
  return id;
}

async function holder(handoffId: string): Promise<string | null> {
  const row = await db
    .selectFrom('handoffs')
    .select('assigned_user_id')
    .where('id', '=', handoffId)
    .executeTakeFirstOrThrow();
  return row.assigned_user_id;
}

async function resolve(handoffId: string): Promise<void> {
  await db.updateTable('handoffs').set({ status: 'resolved' }).where('id', '=', handoffId).execute();
}

/** Three agents of team Vendas: Ana (capacity 1), Bia (2), Caio (2), all offline. */
async function threeAgents() {
  const ids: Record<'ana' | 'bia' | 'caio', string> = { ana: '', bia: '', caio: '' };
  for (const name of ['ana', 'bia', 'caio'] as const) {
    ids[name] = (await createUser(db, { email: `${name}@fluxo.test`, password: 'x', role: 'agent' })).id;
  }
  await insertTeam(db, { name: 'Vendas', slaSeconds: 300, memberIds: Object.values(ids), cannedReplies: [] });
  return ids;
}

describe('routing', () => {
  it('gives each new handoff to the least-loaded online member under capacity; ties to the longest idle', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'online', capacity: 1 }, clock.now());
    await upsertPresence(db, a.bia, { status: 'online', capacity: 2 }, clock.now());
    await upsertPresence(db, a.caio, { status: 'offline', capacity: 2 }, clock.now());

    // The team name in the flow is matched without regard to case.
    const h1 = await openHandoff('vendas', clock.now());
    clock.advance(minute);
    expect(await routeQueued(db, clock.now())).toHaveLength(1);
    // Both at zero and neither ever assigned: the tie goes by id order, deterministic.
    const first = await holder(h1);
    expect([a.ana, a.bia]).toContain(first);

    const h2 = await openHandoff('vendas', clock.now());
    clock.advance(minute);
    await routeQueued(db, clock.now());
    // The other one has fewer conversations now.
    const second = await holder(h2);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect([a.ana, a.bia]).toContain(second);

    // Ana is full (1/1), Bia has 1/2: the third goes to Bia; Caio is offline.
    const h3 = await openHandoff('vendas', clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(h3)).toBe(a.bia);

    // Everyone online is full: the fourth waits in the queue.
    const h4 = await openHandoff('vendas', clock.now());
    expect(await routeQueued(db, clock.now())).toEqual([]);
    expect(await holder(h4)).toBeNull();

    // Caio comes online: the queued one is his at once.
    await upsertPresence(db, a.caio, { status: 'online' }, clock.now());
    const assigned = await routeQueued(db, clock.now());
    expect(assigned.map((x) => [x.handoffId, x.userId])).toEqual([[h4, a.caio]]);
  });

  it('between equally loaded agents, the one who got a conversation longest ago gets the next', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'online', capacity: 1 }, clock.now());
    const first = await openHandoff('Vendas', clock.now());
    await routeQueued(db, clock.now());
    clock.advance(minute);
    await upsertPresence(db, a.bia, { status: 'online', capacity: 1 }, clock.now());
    const second = await openHandoff('Vendas', clock.now());
    await routeQueued(db, clock.now());
    expect([await holder(first), await holder(second)]).toEqual([a.ana, a.bia]);
    // Both free again: Ana's last assignment is the older one.
    await resolve(second);
    await resolve(first);
    clock.advance(minute);
    const third = await openHandoff('Vendas', clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(third)).toBe(a.ana);
  });

  it('a freed slot takes the queue, highest priority first, then oldest', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'online', capacity: 1 }, clock.now());
    const held = await openHandoff('Vendas', clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(held)).toBe(a.ana);

    clock.advance(minute);
    const old = await openHandoff('Vendas', clock.now());
    clock.advance(minute);
    const urgent = await openHandoff('Vendas', clock.now(), 2);
    expect(await routeQueued(db, clock.now())).toEqual([]);

    await resolve(held);
    await routeQueued(db, clock.now());
    expect(await holder(urgent)).toBe(a.ana);
    expect(await holder(old)).toBeNull();

    // Raising the capacity frees a slot too.
    await upsertPresence(db, a.ana, { status: 'online', capacity: 2 }, clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(old)).toBe(a.ana);
  });

  it('away and offline agents, and teams that do not exist, get nothing', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'away' }, clock.now());
    await upsertPresence(db, a.bia, { status: 'offline' }, clock.now());
    const h = await openHandoff('Vendas', clock.now());
    const stray = await openHandoff('suporte', clock.now());
    await upsertPresence(db, a.caio, { status: 'online' }, clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(h)).toBe(a.caio);
    expect(await holder(stray)).toBeNull();
  });

  it('two routers at once never give more than the capacity, nor one handoff twice', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'online', capacity: 2 }, clock.now());
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await openHandoff('Vendas', clock.now()));
    const [x, y] = await Promise.all([routeQueued(db, clock.now()), routeQueued(db, clock.now())]);
    expect(x.length + y.length).toBe(2);
    const claimed = await db.selectFrom('handoffs').select('id').where('assigned_user_id', '=', a.ana).execute();
    expect(claimed).toHaveLength(2);
  });

  it('an agent silent for the inactivity limit turns away and stops getting conversations', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    const a = await threeAgents();
    await upsertPresence(db, a.ana, { status: 'online' }, clock.now());
    clock.advance(awayAfterMs - 1);
    expect(await markIdleAway(db, clock.now())).toEqual([]);
    clock.advance(2);
    expect(await markIdleAway(db, clock.now())).toEqual([a.ana]);
    const h = await openHandoff('Vendas', clock.now());
    await routeQueued(db, clock.now());
    expect(await holder(h)).toBeNull();
  });
});

describe('first-reply SLA', () => {
  it('is breached once, after the team SLA, unless a human replied first', async () => {
    const clock = testClock('2026-12-01T12:00:00Z');
    await threeAgents();
    const late = await openHandoff('Vendas', clock.now());
    const answered = await openHandoff('Vendas', clock.now());
    clock.advance(4 * minute);
    await markFirstReply(db, answered, clock.now());
    expect(await markSlaBreaches(db, clock.now())).toEqual([]);
    clock.advance(minute);
    expect((await markSlaBreaches(db, clock.now())).map((r) => r.id)).toEqual([late]);
    // Alerted once: the next sweep finds nothing new.
    clock.advance(minute);
    expect(await markSlaBreaches(db, clock.now())).toEqual([]);
  });
});
