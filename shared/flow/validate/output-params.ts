import { optionHandle, ruleHandle } from '../nodes/index.ts';
import type { ProblemParams } from '../problems.ts';
import type { FlowNode } from '../schema.ts';

/** Params naming an output the way the user sees it: by option title or rule position. */
export function outputParams(node: FlowNode, handle: string): ProblemParams {
  const params: ProblemParams = { output: handle };
  if (node.type === 'menu') {
    const option = node.data.options.find((o) => optionHandle(o.id) === handle);
    if (option) params.outputTitle = option.title;
  }
  if (node.type === 'condition') {
    const at = node.data.rules.findIndex((r) => ruleHandle(r.id) === handle);
    if (at !== -1) params.outputPosition = at + 1;
  }
  return params;
}
