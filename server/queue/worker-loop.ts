import type { Logger } from '../logger.ts';

/**
 * Runs `work` again and again: at once while it says there may be more to do right now (it
 * ran out of room, not of work), otherwise after `idleMs` or as soon as `wake()` is called.
 * A wake that comes while a pass runs is kept, so work that arrives mid-pass is never missed;
 * a pass that found less than it had room for does not run again just to come back empty.
 */
export function createWorkerLoop(
  name: string,
  work: () => Promise<boolean>,
  { idleMs, logger }: { idleMs: number; logger: Logger },
) {
  let running = false;
  let wakeUp: (() => void) | null = null;
  let woken = false;
  let finished: Promise<void> = Promise.resolve();

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve();
      }, idleMs);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
    });

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      try {
        const moreNow = await work();
        failures = 0;
        if (!moreNow) await sleep();
      } catch (err) {
        failures += 1;
        logger.error(`${name} failed`, { err });
        // Back off on repeated failures (database down) instead of spinning.
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** failures)));
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      finished = run();
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    /** Waiting for work (not in the middle of a pass). */
    get sleeping() {
      return wakeUp !== null;
    },
    async stop() {
      running = false;
      wakeUp?.();
      await finished;
    },
  };
}
