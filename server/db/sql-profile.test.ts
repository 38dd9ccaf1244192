import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPGliteThread } from './pglite-thread.ts';
import { prepared } from './prepared-statements.ts';

interface Written {
  statements: Record<string, { calls: number; ms: number; maxMs: number }>;
  slow: { at: number; ms: number; sql: string }[];
}

// The bench's FLUXO_SQL_PROFILE: the embedded thread times each statement where it runs.
describe('embedded database statement profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluxo-sql-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes calls and time per statement (named without markers, on one line), and the slow ones with when they ran', async () => {
    const file = join(dir, 'profile.json');
    const pglite = await startPGliteThread(undefined, { profileFile: file });
    const startedAt = Date.now();
    for (const n of [1, 2, 3]) await pglite.query(`${prepared}\n  select $1::int\n    as n`, [n]);
    await pglite.query('select pg_sleep(0.03)');
    await pglite.close();

    const written = JSON.parse(readFileSync(file, 'utf8')) as Written;
    expect(written.statements['select $1::int as n']?.calls).toBe(3);
    const sleep = written.statements['select pg_sleep(0.03)'];
    expect(sleep?.calls).toBe(1);
    expect(sleep?.maxMs).toBeGreaterThanOrEqual(30);
    expect(written.slow.map((s) => s.sql)).toEqual(['select pg_sleep(0.03)']);
    expect(written.slow[0]?.at).toBeGreaterThanOrEqual(startedAt);
  }, 30_000);
});
