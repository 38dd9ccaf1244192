import { outputsOf, targetOf } from '../graph.ts';
import { windowClosedOutput, windowSensitiveTypes, waitsForContact } from '../nodes/outputs.ts';
import type { Problem } from '../problems.ts';
import type { FlowNode } from '../schema.ts';
import { nodeProblem, type Rule } from './context.ts';

/** Meta's customer-service window, in the minutes blocks count their waits in. */
const windowMinutes = 24 * 60;

/** Minutes after which a waiting node leaves through `timeout` with no message from the contact. */
function silenceMinutes(node: FlowNode): number | null {
  if (node.type === 'wait') return node.data.durationMinutes;
  if ('timeoutMinutes' in node.data) return node.data.timeoutMinutes;
  return null;
}

/** A block that would send a free-form message, with nothing to do when the window is closed. */
function unprepared(node: FlowNode, hasWindowClosedEdge: boolean): boolean {
  if (!windowSensitiveTypes.has(node.type) || hasWindowClosedEdge) return false;
  return !(node.type === 'message' && node.data.template);
}

/**
 * Warns where a block may send free-form after more than 24 hours of silence: reached through
 * the `timeout` of a wait longer than that, before the contact can have written again. Those
 * sends would take `window_closed` (or end the conversation), so the user should decide.
 */
export const windowAfterWait: Rule = ({ flow, index }) => {
  const warned = new Set<string>();
  const problems: Problem[] = [];
  for (const wait of flow.nodes) {
    const minutes = silenceMinutes(wait);
    if (minutes === null || minutes <= windowMinutes) continue;
    const seen = new Set<string>();
    const queue = [targetOf(index, wait.id, 'timeout')];
    while (queue.length) {
      const id = queue.shift();
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const node = index.nodes.get(id);
      if (!node) continue;
      if (unprepared(node, targetOf(index, node.id, windowClosedOutput) !== undefined) && !warned.has(node.id)) {
        warned.add(node.id);
        problems.push(nodeProblem(node, 'window_may_be_closed'));
      }
      // The contact answers a block that waits: the window is open again after it.
      if (waitsForContact(node) || node.type === 'goto') continue;
      // A window_closed edge leads to what runs with the window closed: that part needs templates too.
      for (const handle of [...outputsOf(node), windowClosedOutput]) queue.push(targetOf(index, node.id, handle));
    }
  }
  return problems;
};
