import { randomInt } from 'node:crypto';
import pg from 'pg';

/**
 * The first key of the two-key advisory locks that say "this process is alive" (ASCII "Flux"),
 * so they cannot collide with other users of advisory locks on the same database.
 */
export const livenessLockSpace = 0x466c7578;

/** Keys fit a Postgres int4 and are written in lease owners as at most 9 digits. */
const maxKey = 999_999_999;

export interface LivenessLock {
  /** This process's key: unique among live processes, new at every start. */
  key: number;
  release(): Promise<void>;
}

/**
 * Holds a session-level advisory lock for as long as this process lives. Postgres releases it
 * when the session ends, which a killed process's session does at once (the kernel closes its
 * socket), so "nobody holds key K" means "the process that named its leases K is gone" and
 * its leases can be taken back without waiting for them to expire (`reclaimFromDeadProcesses`).
 *
 * Keys are random and taken with `pg_try_advisory_lock`, so two live processes never share
 * one. If the lock's connection drops (a Postgres restart), the lock is taken again when the
 * database is back; meanwhile another process starting up may think us dead and take our
 * leases back: our commits then find the leases gone and write nothing (see `settleLeases`),
 * so that costs a repeated run, never a duplicate.
 */
export async function holdLivenessLock(
  databaseUrl: string,
  onProblem: (msg: string, err?: unknown) => void,
): Promise<LivenessLock> {
  let client: pg.Client | null = null;
  let released = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const lockOn = async (key: number): Promise<boolean> => {
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    c.on('error', (err) => onProblem('liveness lock connection lost', err));
    await c.connect();
    const { rows } = await c.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [
      livenessLockSpace,
      key,
    ]);
    if (!rows[0]?.locked) {
      await c.end();
      return false;
    }
    client = c;
    // Lost with its session: take it again (same key: our leases are named after it).
    c.once('end', () => {
      client = null;
      if (!released) scheduleRelock(key);
    });
    return true;
  };
  const scheduleRelock = (key: number) => {
    retry = setTimeout(() => {
      lockOn(key).then(
        (ok) => {
          if (!ok) onProblem(`liveness lock ${key} was taken by another process; our leases may be reclaimed early`);
        },
        (err) => {
          onProblem('could not take the liveness lock again; retrying', err);
          if (!released) scheduleRelock(key);
        },
      );
    }, 1000);
    retry.unref();
  };

  for (let attempt = 0; ; attempt++) {
    const key = randomInt(1, maxKey + 1);
    if (await lockOn(key)) {
      return {
        key,
        async release() {
          released = true;
          clearTimeout(retry);
          await (client as pg.Client | null)?.end().catch(() => undefined);
        },
      };
    }
    // Another live process drew the same key (about one chance in a billion per process).
    if (attempt >= 10) throw new Error('could not take a liveness lock');
  }
}
