import { AsyncLocalStorage } from 'node:async_hooks';
import { Counter } from 'prom-client';
import { registry } from './registry.ts';
import type { Stage } from './stages.ts';

/**
 * For the bench (`FLUXO_COUNT_IO=true`): every SQL statement and Redis command this process
 * sends, counted by the stage it ran in (`timed` or `inStage`) and by what it was, on
 * `/metrics` as `fluxo_io_total`. Unlike time, a count is not distorted by a busy machine.
 * Off by default: the stage context costs a little on every call.
 */
let counter: Counter<'stage' | 'kind' | 'what'> | null = null;
const stage = new AsyncLocalStorage<Stage>();

export function enableIoCounting(): void {
  counter ??= new Counter({
    name: 'fluxo_io_total',
    help: 'SQL statements and Redis commands sent, by stage and statement (FLUXO_COUNT_IO only).',
    labelNames: ['stage', 'kind', 'what'] as const,
    registers: [registry],
  });
}

export const ioCounting = () => counter !== null;

/** Runs `work` with its statements and commands counted under `name`. */
export function inStage<T>(name: Stage, work: () => T): T {
  return counter ? stage.run(name, work) : work();
}

/** A statement: named by its first words (a CTE by its first parts), enough to tell them apart. */
export function countStatement(text: string): void {
  if (!counter) return;
  const what = text
    .replace(/\/\*.*?\*\//gs, ' ')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/"/g, "'");
  counter.inc({ stage: stage.getStore() ?? 'other', kind: 'sql', what });
}

export function countRedisCommand(name: string): void {
  counter?.inc({ stage: stage.getStore() ?? 'other', kind: 'redis', what: name });
}
