import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { until } from '../testing/until.ts';
import { createPeriodicLoop, type After } from './periodic-loop.ts';

/** A timer the test fires by hand: what is scheduled, and after how long, is there to read. */
function handTimer() {
  const pending: { ms: number; fire: () => void }[] = [];
  const after: After = (ms, fire) => {
    const entry = { ms, fire };
    pending.push(entry);
    return () => pending.splice(pending.indexOf(entry), 1);
  };
  return {
    after,
    /** The delays waiting to fire. */
    delays: () => pending.map((p) => p.ms),
    fire() {
      const next = pending.shift();
      if (!next) throw new Error('nothing scheduled');
      next.fire();
    },
  };
}

/** Lets the promises a fired timer started run to their end (one turn of the event loop). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function collectingLogger() {
  const lines: string[] = [];
  const logger = createLogger('debug', (l) => lines.push(l));
  return { logger, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('periodic loop', () => {
  it('waits the first delay, then the interval after each pass, and runs again and again', async () => {
    const timer = handTimer();
    let runs = 0;
    const loop = createPeriodicLoop({
      name: 'job',
      firstRunMs: 30,
      everyMs: 100,
      run: async () => {
        runs += 1;
      },
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    expect(timer.delays()).toEqual([30]);
    expect(runs).toBe(0);
    for (const n of [1, 2, 3]) {
      timer.fire();
      await settle();
      expect(runs).toBe(n);
      expect(timer.delays()).toEqual([100]);
    }
    await loop.stop();
  });

  it('waits the interval before the first pass when no first delay is given', () => {
    const timer = handTimer();
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: async () => undefined,
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    expect(timer.delays()).toEqual([100]);
  });

  it('logs a failing pass and goes on', async () => {
    const timer = handTimer();
    const { logger, entries } = collectingLogger();
    let runs = 0;
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database gone');
      },
      logger,
      after: timer.after,
    });
    loop.start();
    timer.fire();
    await settle();
    expect(entries()).toMatchObject([
      { level: 'error', msg: 'job failed; will try again', err: { message: 'database gone' } },
    ]);
    expect(timer.delays()).toEqual([100]);
    timer.fire();
    await settle();
    expect(runs).toBe(2);
    expect(entries()).toHaveLength(1);
    await loop.stop();
  });

  it('logs a pass that throws before returning a promise, in the words it was given', async () => {
    const timer = handTimer();
    const { logger, entries } = collectingLogger();
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: () => {
        throw new Error('bad');
      },
      logger,
      failureMessage: 'job failed; will try again tomorrow',
      after: timer.after,
    });
    loop.start();
    timer.fire();
    await settle();
    expect(entries()).toMatchObject([{ level: 'error', msg: 'job failed; will try again tomorrow' }]);
    expect(timer.delays()).toEqual([100]);
    await loop.stop();
  });

  it('stop waits for the pass in progress, and no pass starts after it', async () => {
    const timer = handTimer();
    const gate = deferred();
    let runs = 0;
    let finished = 0;
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: async () => {
        runs += 1;
        await gate.promise;
        finished += 1;
      },
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    timer.fire();
    await settle();
    expect(runs).toBe(1);

    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(1);
    expect(timer.delays()).toEqual([]);
  });

  it('stop before the first pass cancels it', async () => {
    const timer = handTimer();
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: async () => undefined,
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    await loop.stop();
    expect(timer.delays()).toEqual([]);
  });

  it('start twice, or again during a pass, keeps one schedule', async () => {
    const timer = handTimer();
    const gate = deferred();
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: () => gate.promise,
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    loop.start();
    expect(timer.delays()).toEqual([100]);
    timer.fire();
    loop.start();
    expect(timer.delays()).toEqual([]);
    gate.resolve();
    await settle();
    expect(timer.delays()).toEqual([100]);
    await loop.stop();
  });

  it('started again while a stopped pass finishes, it goes on with one schedule', async () => {
    const timer = handTimer();
    const gate = deferred();
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 100,
      run: () => gate.promise,
      logger: collectingLogger().logger,
      after: timer.after,
    });
    loop.start();
    timer.fire();
    const stopping = loop.stop();
    loop.start();
    gate.resolve();
    await stopping;
    await settle();
    expect(timer.delays()).toEqual([100]);
    await loop.stop();
  });

  it('runs on node timers by default', async () => {
    let runs = 0;
    const loop = createPeriodicLoop({
      name: 'job',
      everyMs: 1,
      run: async () => {
        runs += 1;
      },
      logger: collectingLogger().logger,
    });
    loop.start();
    await until('three passes', () => runs >= 3, 5000);
    await loop.stop();
  });
});
