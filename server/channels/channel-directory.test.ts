import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { until } from '../testing/until.ts';
import { createChannelDirectory } from './channel-directory.ts';

const secrets = createSecretBox('directory-test-key-directory-test-key');
const ttlMs = 2000;

/**
 * The database, except that a read of the channels, once it has its rows, waits for `gate`
 * before it hands them back: a read under way at a moment the test chooses.
 */
function gatedReads(db: Db, gate: { wait: Promise<void> | null; reads: number }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'selectFrom') return Reflect.get(target, prop, receiver) as unknown;
      return (table: 'channels') => ({
        selectAll: () => ({
          execute: async () => {
            gate.reads += 1;
            const rows = await target.selectFrom(table).selectAll().execute();
            await gate.wait;
            return rows;
          },
        }),
      });
    },
  });
}

describe('channel directory', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  async function channel(id: string, phoneNumberId: string, throughput: number) {
    await t.db
      .insertInto('channels')
      .values({
        id,
        name: 'Loja',
        phone_number_id: phoneNumberId,
        access_token_enc: secrets.seal('token'),
        app_secret_enc: secrets.seal('app-secret'),
        verify_token: 'v',
        throughput,
      })
      .execute();
  }
  /** A directory over `gatedReads`, on a clock the test moves. */
  function gatedDirectory() {
    const clock = { ms: 0 };
    const gate: { wait: Promise<void> | null; reads: number } = { wait: null, reads: 0 };
    const directory = createChannelDirectory(gatedReads(t.db, gate), secrets, { ttlMs, now: () => clock.ms });
    return { directory, gate, clock };
  }
  const setThroughput = (id: string, throughput: number) =>
    t.db.updateTable('channels').set({ throughput }).where('id', '=', id).execute();

  it('once loaded, answers from memory while a reload after the TTL is under way, then from the reload', async () => {
    await channel('ch-old', '106000000000201', 80);
    const { directory, gate, clock } = gatedDirectory();
    expect((await directory.byPhoneNumberId('106000000000201'))?.throughput).toBe(80);

    // Another instance changes the channel; the TTL runs out while this instance's database is busy.
    await setThroughput('ch-old', 20);
    clock.ms += ttlMs;
    let open!: () => void;
    gate.wait = new Promise<void>((resolve) => (open = resolve));
    // Not kept waiting for the reload: what was read before.
    expect((await directory.byPhoneNumberId('106000000000201'))?.throughput).toBe(80);
    expect((await directory.byId('ch-old'))?.throughput).toBe(80);
    expect(gate.reads).toBe(2);
    open();
    await until('the reload', async () => (await directory.byId('ch-old'))?.throughput === 20, 5000);
    // One reload for all the reads that found the channels old.
    expect(gate.reads).toBe(2);
  });

  it('after invalidate, the next read waits for the database, and a read started before it is not kept', async () => {
    await channel('ch-mine', '106000000000202', 80);
    const { directory, gate, clock } = gatedDirectory();
    expect((await directory.byId('ch-mine'))?.throughput).toBe(80);

    // A background reload reads the channels, then waits (its rows are from before the change).
    clock.ms += ttlMs;
    let open!: () => void;
    gate.wait = new Promise<void>((resolve) => (open = resolve));
    expect((await directory.byId('ch-mine'))?.throughput).toBe(80);
    await until('the background read', () => gate.reads === 2, 5000);
    // This instance changes the channel meanwhile, as its API does.
    await setThroughput('ch-mine', 20);
    directory.invalidate();
    const read = directory.byId('ch-mine');
    open();
    expect((await read)?.throughput).toBe(20);
    expect(gate.reads).toBe(3);
  });
});
