import { createProblem, type Problem } from '../problems.ts';
import { flowDocument, type FlowDocument } from '../schema.ts';
import { createContext, salvageContext, type Rule } from './context.ts';
import { duplicateEdgeIds } from './duplicate-edge-ids.ts';
import { duplicateLocalIds } from './duplicate-local-ids.ts';
import { duplicateNodeIds } from './duplicate-node-ids.ts';
import { duplicateOptionTitles } from './duplicate-option-titles.ts';
import { edgeConnections } from './edge-connections.ts';
import { environmentRule } from './environment-rules.ts';
import type { FlowEnvironment } from './environment.ts';
import { loopsWithoutInput } from './loops-without-input.ts';
import { requiredFields } from './required-fields.ts';
import { schemaProblem } from './schema-problems.ts';
import { singleStart } from './single-start.ts';
import { unconnectedOutputs } from './unconnected-outputs.ts';
import { undeclaredVariables } from './undeclared-variables.ts';
import { unreachableNodes } from './unreachable-nodes.ts';
import { whatsappLimitsRule } from './whatsapp-limits.ts';
import { windowAfterWait } from './window-after-wait.ts';

export interface ValidationResult {
  /** True when no problem is an `error`; warnings do not block publishing. */
  ok: boolean;
  /** The document parsed with defaults, when it passed the schema. */
  flow?: FlowDocument;
  problems: Problem[];
}

/** In the order a user would fix them: the shape of the graph first, then texts and limits. */
const rules: readonly Rule[] = [
  singleStart,
  duplicateNodeIds,
  duplicateEdgeIds,
  edgeConnections,
  unconnectedOutputs,
  unreachableNodes,
  loopsWithoutInput,
  requiredFields,
  duplicateLocalIds,
  duplicateOptionTitles,
  undeclaredVariables,
  whatsappLimitsRule,
  windowAfterWait,
  environmentRule,
];

/**
 * Everything that would stop a flow from running or WhatsApp from accepting its messages.
 * Pure and fast: the studio runs it on every edit, the server before every publish.
 * With `environment` (what the catalog holds, whether AI is configured) it also warns about
 * blocks that would not work in this installation.
 */
export function validateFlow(input: unknown, environment?: FlowEnvironment): ValidationResult {
  const parsed = flowDocument.safeParse(input);
  const problems: Problem[] = [];
  let ctx;
  if (parsed.success) ctx = createContext(parsed.data, new Map(), environment);
  else if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    // Nothing to point at inside: one plain sentence beats a validator's complaint about the root.
    problems.push(createProblem('not_a_flow'));
  } else {
    ctx = salvageContext(input, environment);
    problems.push(...parsed.error.issues.map((issue) => schemaProblem(issue, input)));
  }
  if (ctx) for (const rule of rules) problems.push(...rule(ctx));
  const ok = problems.every((p) => p.severity !== 'error');
  return parsed.success ? { ok, flow: parsed.data, problems } : { ok, problems };
}

export { problemMessage, type Problem, type ProblemCode } from '../problems.ts';
export { flowEnvironment, type FlowEnvironment } from './environment.ts';
