import '../../zod-jitless.ts';
import { validateFlow, type FlowEnvironment, type Problem } from '../../../shared/flow/validate/index.ts';

/** One request: a flow to validate, tagged so the page can drop answers it no longer needs. */
export interface ValidationRequest {
  id: number;
  flow: unknown;
  environment?: FlowEnvironment;
}
export interface ValidationAnswer {
  id: number;
  problems: Problem[];
}

/** The part of a dedicated worker's global scope used here (the project's lib is DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(answer: ValidationAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = ({ data }) =>
  scope.postMessage({ id: data.id, problems: validateFlow(data.flow, data.environment).problems });
