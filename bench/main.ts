/**
 * `npm run bench`: the real server under webhook load from simulated contacts, against a
 * fake Graph API that posts status webhooks back. Embedded by default; on Postgres + Redis
 * when DATABASE_URL / REDIS_URL are set (a fresh database is created and dropped).
 * Everything runs on 127.0.0.1, and every phase is bounded in time and count.
 * Options: --only saturation|paced, --runs N (medians over N runs), --soak SECONDS (one paced
 * run at 100 msgs/s, reported per minute with the slowest messages), and for tuning the env
 * variables BENCH_TIMELINE, BENCH_CPU_PROF, BENCH_KEEP_DB, BENCH_COUNT_IO and BENCH_SQL_PROFILE
 * (embedded: the database thread's time per statement, see sql-profile.ts).
 */
import { measureSteps } from '../runtime/testing/step-benchmark.ts';
import { largeFlow } from '../shared/flow/testing/large-flow.ts';
import { validateFlow } from '../shared/flow/validate/index.ts';
import { readCpu, residentMb } from './cpu.ts';
import { createLoad, medians, summarize, type PhaseResult } from './load.ts';
import { formatSoak, soakReport, type MemorySample } from './soak.ts';
import { formatStages, perCallByStage, readStages, type StageTotals } from './stages.ts';
import { formatIo, readIo, type IoTotals } from './io-counts.ts';
import { formatSqlProfile, readSqlProfile, readSqlProfileFromNow } from './sql-profile.ts';
import { appSecret, benchChannels, benchMetricsToken, menuChannels, startTarget } from './target.ts';
import { createMenuLoad, deliveryMix, summarizeMix, type MenuPhaseResult } from './menu-load.ts';

const contactCount = 250;

// First, alone on the cores: the pure engine's ceiling.
const engine = await measureSteps(2000);
const bigFlow = largeFlow(500);
const validation = bestOfTen(() => validateFlow(bigFlow));

// BENCH_COUNT_IO=1: SQL statements and Redis commands per message, by stage (see io-counts.ts).
const countIo = Boolean(process.env.BENCH_COUNT_IO);
const target = await startTarget();
const contacts = Array.from({ length: contactCount }, (_, i) => ({
  waId: String(5511900000000 + i),
  name: `Contato ${i}`,
  channel: benchChannels[i % benchChannels.length]!,
}));
const serverPid = target.server.child.pid ?? 0;
const load = createLoad(target.server.url, appSecret, target.fake, contacts, () => readCpu(serverPid));
const menuContacts = Array.from({ length: contactCount }, (_, i) => ({
  waId: String(5521900000000 + i),
  name: `Cliente ${i}`,
  channel: menuChannels[i % menuChannels.length]!,
}));
const menuLoad = createMenuLoad(target.server.url, appSecret, target.fake, menuContacts, () => readCpu(serverPid));
try {
  // `--flow echo` or `--flow menu` runs one flow's phases; both by default.
  const flowOption = process.argv.includes('--flow') ? process.argv[process.argv.indexOf('--flow') + 1] : 'both';
  const echo = flowOption !== 'menu';
  const menu = flowOption !== 'echo';
  if (echo) await load.warmup();
  if (menu) await menuLoad.warmup();
  // `--only paced` or `--only saturation` runs one phase (for tuning); both by default.
  // `--runs N` runs them N times on the same server and adds the medians (a shared machine is noisy).
  const option = (name: string) =>
    process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
  const only = option('--only') ?? null;
  const runs = Math.max(1, Number(option('--runs') ?? 1));
  process.stdout.write(
    [
      `Fluxo benchmark — ${target.kind}; ${contactCount} contacts on ${benchChannels.length} numbers, echo flow, sent + delivered statuses for every reply`,
      `engine: ${engine.stepsPerSecond} steps/s (${engine.nodes}-node flow, no I/O)`,
      `validation: ${validation.toFixed(1)} ms for a 500-node flow (best of 10)`,
      `menu flow: ${contactCount} contacts on ${menuChannels.length} numbers walking greeting (3 buttons) → list → text in a loop; ` +
        `mix: ${deliveryMix.duplicate * 100} % duplicated deliveries (at once, 1 s later, re-wrapped), ${deliveryMix.swapped * 100} % swapped pairs, ` +
        `${deliveryMix.batched * 100} % multi-contact batches, ${deliveryMix.forged * 100} % forged signatures`,
    ].join('\n') + '\n',
  );
  const results: PhaseResult[] = [];
  // `--soak SECONDS`: one long paced run at 100 msgs/s instead of the phases, reported per minute.
  const soakSeconds = Number(option('--soak') ?? 0);
  if (soakSeconds > 0) {
    // The server's resident memory, sampled every 10 s: a leak shows as a steady climb.
    const memory: MemorySample[] = [];
    // And each minute's time per call by stage: a stage that slows as the tables grow shows here.
    const stageReadings: Promise<StageTotals>[] = [readStages(target.server.url, benchMetricsToken)];
    const messages = await load.soak(100, soakSeconds, {
      onSecond: (atSecond) => {
        if (atSecond % 10 === 0) memory.push({ atSecond, rssMb: residentMb(serverPid) });
        if (atSecond % 60 === 0 && atSecond > 0) stageReadings.push(readStages(target.server.url, benchMetricsToken));
      },
    });
    process.stdout.write(`${formatSoak(soakReport(messages, 10, 1000, memory), soakSeconds, 100).join('\n')}\n`);
    const readings = await Promise.all(stageReadings);
    process.stdout.write('  time per call by stage, per minute (ms, mean):\n');
    for (let minute = 1; minute < readings.length; minute++) {
      process.stdout.write(
        `  ${String(minute).padStart(6)}  ${perCallByStage(readings[minute - 1]!, readings[minute]!)}\n`,
      );
    }
  }
  for (let run = 1; run <= (soakSeconds > 0 ? 0 : runs); run++) {
    const phases = [
      ...(!echo || only === 'paced' ? [] : [await withStages(() => load.saturate(10, 20_000))]),
      ...(!echo || only === 'saturation' ? [] : [await withStages(() => load.paced(100, 10))]),
      ...(!menu || only === 'paced' ? [] : [await withStages(() => menuLoad.saturate(10, 20_000))]),
      ...(!menu || only === 'saturation' ? [] : [await withStages(() => menuLoad.paced(100, 10))]),
    ];
    for (const { phase, stages } of phases) {
      if (runs > 1) phase.name = `${phase.name} (run ${run})`;
      process.stdout.write(`${summarize(phase).join('\n')}\n${stages}\n`);
      if ('mix' in phase) process.stdout.write(`${summarizeMix(phase as MenuPhaseResult)}\n`);
    }
    results.push(...phases.map((p) => p.phase));
  }
  if (runs > 1) process.stdout.write(`${medians(results).join('\n')}\n`);
  process.stdout.write(`status webhooks acknowledged: ${target.fake.statusCallbacks().posted}\n`);
  // Warnings and errors the server logged (FLUXO_LOG=warn), counted by message.
  const logged = new Map<string, { n: number; first: string }>();
  for (const line of target.server.output().split('\n')) {
    const msg = /"level":"(warn|error)","msg":"([^"]*)"/.exec(line);
    if (!msg) continue;
    const key = `${msg[1]}: ${msg[2]}`;
    logged.set(key, { n: (logged.get(key)?.n ?? 0) + 1, first: logged.get(key)?.first ?? line });
  }
  for (const [msg, { n, first }] of logged)
    process.stdout.write(`server log ${n}× ${msg} — first: ${first.slice(0, 400)}\n`);
} finally {
  load.close();
  menuLoad.close();
  await target.close();
}

/** A phase with the server's time per stage over it (see `stages.ts`). */
async function withStages<T extends PhaseResult>(run: () => Promise<T>): Promise<{ phase: T; stages: string }> {
  const before = await readStages(target.server.url, benchMetricsToken);
  const io = countIo ? await ioSnapshot() : null;
  const profileFile = target.sqlProfileFile;
  const sqlBefore = profileFile ? readSqlProfile(profileFile) : null;
  const phase = await run();
  let stages = formatStages(before, await readStages(target.server.url, benchMetricsToken), phase.acknowledged);
  if (profileFile && sqlBefore) {
    stages += `\n${formatSqlProfile(sqlBefore, await readSqlProfileFromNow(profileFile), phase.acknowledged)}`;
  }
  if (!io) return { phase, stages };
  const after = await ioSnapshot();
  const counts = formatIo(io.totals, after.totals, {
    inbound: phase.acknowledged,
    statusWebhooks: after.statuses - io.statuses,
    replies: after.replies - io.replies,
    reads: after.reads - io.reads,
  });
  return { phase, stages: `${stages}\n${counts}` };
}

/** The server's statement counts and what the fake Graph API saw, at one moment. */
async function ioSnapshot(): Promise<{ totals: IoTotals; statuses: number; replies: number; reads: number }> {
  const requests = target.fake.requests;
  return {
    totals: await readIo(target.server.url, benchMetricsToken),
    statuses: target.fake.statusCallbacks().posted,
    replies: requests.filter((r) => r.kind === 'send').length,
    reads: requests.filter((r) => r.kind === 'read').length,
  };
}

/** The fastest of ten runs, in milliseconds: the machine's best, not its noise. */
function bestOfTen(work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < 10; run++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
