import { existsSync, readFileSync } from 'node:fs';

/**
 * `BENCH_SQL_PROFILE=1` (embedded only): the database thread's time per statement over a phase,
 * from the file the server writes each second (server/db/sql-profile.mjs). The thread runs one
 * statement at a time, so its busy time is what every webhook and reply queues behind.
 */
interface ProfileFile {
  writtenAt: number;
  slowMs: number;
  statements: Record<string, { calls: number; ms: number; maxMs: number }>;
  slow: { at: number; ms: number; sql: string }[];
}

export interface SqlProfileReading {
  at: number;
  profile: ProfileFile;
}

export function readSqlProfile(file: string): SqlProfileReading {
  const profile = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as ProfileFile)
    : { writtenAt: 0, slowMs: 0, statements: {}, slow: [] };
  return { at: Date.now(), profile };
}

/** The profile once the server has written what ran until now (it writes each second; 5 s at most). */
export async function readSqlProfileFromNow(file: string): Promise<SqlProfileReading> {
  const now = Date.now();
  let reading = readSqlProfile(file);
  while (reading.profile.writtenAt < now && Date.now() - now < 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    reading = readSqlProfile(file);
  }
  return reading;
}

/** The statements that took most of the thread's time between two readings, then the slow ones. */
export function formatSqlProfile(before: SqlProfileReading, after: SqlProfileReading, messages: number): string {
  const rows = Object.entries(after.profile.statements).map(([sql, t]) => {
    const was = before.profile.statements[sql] ?? { calls: 0, ms: 0 };
    return { sql, calls: t.calls - was.calls, ms: t.ms - was.ms };
  });
  const busyMs = rows.reduce((n, r) => n + r.ms, 0);
  const seconds = (after.at - before.at) / 1000;
  const lines = [
    `  database thread busy ${((busyMs / 1000 / seconds) * 100).toFixed(0)} % of ${seconds.toFixed(1)} s; ` +
      `${(busyMs / Math.max(1, messages)).toFixed(2)} ms per inbound message; the statements that took most:`,
    ...rows
      .filter((r) => r.calls > 0)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12)
      .map(
        (r) =>
          `    ${((r.ms / busyMs) * 100).toFixed(1).padStart(5)} %  ${String(r.calls).padStart(6)} calls  ` +
          `${(r.ms / r.calls).toFixed(2).padStart(6)} ms each  ${r.sql.slice(0, 110)}`,
      ),
  ];
  const slow = after.profile.slow.filter((s) => s.at > before.at);
  if (slow.length) {
    lines.push(`  statements over ${after.profile.slowMs} ms (${slow.length}), at seconds into the phase:`);
    for (const s of slow.slice(-15))
      lines.push(`    +${((s.at - before.at) / 1000).toFixed(2)} s  ${s.ms.toFixed(0)} ms  ${s.sql.slice(0, 100)}`);
  }
  return lines.join('\n');
}
