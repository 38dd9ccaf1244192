import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) a process has used, from /proc; 0 where /proc is missing. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Every running process whose command is `name` (postgres backends, redis-server). */
function pidsNamed(name: string): number[] {
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}

export interface CpuReading {
  server: number;
  postgres: number;
  redis: number;
  bench: number;
}

/** CPU seconds so far per process: the server, every Postgres and Redis process, and this one. */
export interface CpuSnapshot {
  server: number;
  postgres: Map<number, number>;
  redis: Map<number, number>;
  bench: number;
}

const perPid = (name: string) => new Map(pidsNamed(name).map((pid) => [pid, cpuSecondsOf(pid)]));

/**
 * CPU time used so far by the server, Postgres (every backend and helper process), Redis and
 * this benchmark process (load generator + fake Graph API). Unlike latency, CPU per message
 * hardly changes when other work shares the cores.
 */
export function readCpu(serverPid: number): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    server: cpuSecondsOf(serverPid),
    postgres: perPid('postgres'),
    redis: perPid('redis-server'),
    bench: (usage.user + usage.system) / 1e6,
  };
}

/**
 * What each part used between two snapshots. A process that started in between counts whole;
 * one that exited in between is missed (its last share is unknown), never subtracted.
 */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuReading {
  const delta = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((sum, [pid, cpu]) => sum + Math.max(0, cpu - (before.get(pid) ?? 0)), 0);
  return {
    server: b.server - a.server,
    postgres: delta(a.postgres, b.postgres),
    redis: delta(a.redis, b.redis),
    bench: b.bench - a.bench,
  };
}

/** A process's resident memory (VmRSS) in MB, from /proc; NaN where /proc is missing. */
export function residentMb(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
