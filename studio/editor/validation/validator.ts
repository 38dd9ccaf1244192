import type { FlowEnvironment, Problem } from '../../../shared/flow/validate/index.ts';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import type { ValidationAnswer, ValidationRequest } from './validation.worker.ts';

export interface Validator {
  /**
   * Problems of `flow`, with warnings about the installation when `environment` is given;
   * when calls overlap, only the latest one's promise settles.
   */
  validate(flow: FlowDocument, environment?: FlowEnvironment): Promise<Problem[]>;
  dispose(): void;
}

/**
 * Validates off the page's thread: in a 500-node flow `validateFlow` takes ~50 ms, which on
 * the page would hold up the frame after the flow is drawn and, while editing, a frame after
 * each pause in typing. Where there are no workers (tests) or the worker fails, it validates
 * in place, with the same function and the same result.
 */
export function createValidator(): Validator {
  let worker: Worker | null = null;
  let failed = typeof Worker === 'undefined';
  let latest = 0;
  let pending: {
    id: number;
    flow: FlowDocument;
    environment?: FlowEnvironment;
    resolve(problems: Problem[]): void;
  } | null = null;

  // Loaded only when needed: the validation code stays out of the chunk that draws the canvas.
  const inPlace = async (flow: FlowDocument, environment?: FlowEnvironment) =>
    (await import('../../../shared/flow/validate/index.ts')).validateFlow(flow, environment).problems;
  const start = (): Worker => {
    const w = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }: MessageEvent<ValidationAnswer>) => {
      if (pending?.id !== data.id) return;
      const { resolve } = pending;
      pending = null;
      resolve(data.problems);
    };
    w.onerror = () => {
      failed = true;
      w.terminate();
      worker = null;
      const p = pending;
      pending = null;
      // Its promise stays pending if even the in-place code cannot load: the last problems stay.
      if (p) inPlace(p.flow, p.environment).then(p.resolve, () => undefined);
    };
    return w;
  };

  return {
    validate(flow, environment) {
      const id = ++latest;
      if (failed) return inPlace(flow, environment);
      worker ??= start();
      return new Promise((resolve) => {
        pending = environment ? { id, flow, environment, resolve } : { id, flow, resolve };
        worker?.postMessage((environment ? { id, flow, environment } : { id, flow }) satisfies ValidationRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending = null;
    },
  };
}
