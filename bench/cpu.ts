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

export interface CpuReading { server: number; postgres: number; redis: number; bench: number }

/**
 * CPU time used so far by the server, Postgres (all backends; those that exit between two
 * readings are missed), Redis and this benchmark process (load generator + fake Graph API).
 * Unlike latency, CPU per message hardly changes when other work shares the cores.
 */
export function readCpu(serverPid: number): CpuReading {
  const usage = process.cpuUsage();
  return {
    server: cpuSecondsOf(serverPid),
    postgres: pidsNamed('postgres').reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    redis: pidsNamed('redis-server').reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    bench: (usage.user + usage.system) / 1e6,
  };
}

export function cpuBetween(a: CpuReading, b: CpuReading): CpuReading {
  return { server: b.server - a.server, postgres: b.postgres - a.postgres, redis: b.redis - a.redis, bench: b.bench - a.bench };
}
