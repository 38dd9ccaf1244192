import { outputsOf, targetOf } from '../graph.ts';
import type { Problem, ProblemCode } from '../problems.ts';
import type { FlowNode } from '../schema.ts';
import { nodeProblem, type Rule } from './context.ts';
import { outputParams } from './output-params.ts';

/** Outputs for what goes wrong: the flow still runs (the conversation ends) if one is left open. */
const optionalOutputs: ReadonlySet<string> = new Set(['invalid', 'error', 'else', 'cancelled']);

/** Minutes before `timeout` fires, or null when the node never times out. */
function timeoutOf(node: FlowNode): number | null {
  if (node.type === 'wait') return node.data.durationMinutes;
  return 'timeoutMinutes' in node.data ? node.data.timeoutMinutes : null;
}

function codeFor(node: FlowNode, output: string): ProblemCode | null {
  if (output === 'timeout') return timeoutOf(node) === null ? null : 'optional_output_unconnected';
  return optionalOutputs.has(output) ? 'optional_output_unconnected' : 'output_unconnected';
}

/** A main output with no edge is a dead end the user surely did not mean. */
export const unconnectedOutputs: Rule = ({ flow, index }) => {
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    for (const output of outputsOf(node)) {
      if (targetOf(index, node.id, output) !== undefined) continue;
      const code = codeFor(node, output);
      if (code) problems.push(nodeProblem(node, code, output, outputParams(node, output)));
    }
  }
  return problems;
};
