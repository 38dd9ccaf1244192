import type { Logger } from '../logger.ts';

/** Runs `fire` once after `ms`; the answer cancels it if it has not fired yet. */
export type After = (ms: number, fire: () => void) => () => void;

/**
 * Node's timer, unref'd: a periodic check must not keep the process alive on its own (a
 * command that ends, a test that forgets `stop`).
 */
const nodeAfter: After = (ms, fire) => {
  const timer = setTimeout(fire, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface PeriodicLoopOptions {
  /** What the loop does, for its error line: `<name> failed; will try again`. */
  name: string;
  /** The wait after a pass ends before the next starts (not between starts: passes never overlap). */
  everyMs: number;
  /** The wait before the first pass after `start`; `everyMs` unless given. */
  firstRunMs?: number;
  /** One pass. A throw is logged and the loop goes on. */
  run(): Promise<void>;
  logger: Logger;
  /** The error line when a pass throws, when the default does not say what happens next. */
  failureMessage?: string;
  /** Tests drive the loop with their own timer instead of waiting for real time. */
  after?: After;
}

export interface PeriodicLoop {
  /** Schedules the first pass; a loop already started is left as it is. */
  start(): void;
  /** Cancels the next pass and waits for the one in progress; none starts after. */
  stop(): Promise<void>;
}

/**
 * A background job that runs a pass, waits, and runs again (vacuum, retention, rollups,
 * reminders, catalog syncs). Unlike the worker loop it has no wake-up: it only runs on time.
 */
export function createPeriodicLoop(o: PeriodicLoopOptions): PeriodicLoop {
  const after = o.after ?? nodeAfter;
  const failureMessage = o.failureMessage ?? `${o.name} failed; will try again`;
  let started = false;
  let cancel: (() => void) | null = null;
  let pass: Promise<void> | null = null;

  const runPass = async () => {
    try {
      await o.run();
    } catch (err) {
      o.logger.error(failureMessage, { err });
    }
  };

  const schedule = (ms: number) => {
    cancel = after(ms, () => {
      cancel = null;
      pass = runPass().finally(() => {
        pass = null;
        if (started) schedule(o.everyMs);
      });
    });
  };

  return {
    start() {
      if (started) return;
      started = true;
      // Started again while a pass stopped earlier is still finishing: that pass schedules the next.
      if (!pass) schedule(o.firstRunMs ?? o.everyMs);
    },
    async stop() {
      started = false;
      cancel?.();
      cancel = null;
      await pass;
    },
  };
}
