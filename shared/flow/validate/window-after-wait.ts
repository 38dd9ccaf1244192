import type { FlowIndex } from '../graph.ts';
import { outputsOf, targetOf } from '../graph.ts';
import { windowClosedOutput, windowSensitiveTypes, waitsForContact } from '../nodes/outputs.ts';
import type { Problem, ProblemCode } from '../problems.ts';
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
 * Walks from `firstIds` while the window may still be closed, calling `warn` on each free-form
 * send without a template fallback or a `window_closed` edge. The contact answers a block that
 * waits, which opens the window again: the walk stops there.
 */
function walkClosedWindow(index: FlowIndex, firstIds: (string | undefined)[], warn: (node: FlowNode) => void): void {
  const seen = new Set<string>();
  const queue = [...firstIds];
  while (queue.length) {
    const id = queue.shift();
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const node = index.nodes.get(id);
    if (!node) continue;
    if (unprepared(node, targetOf(index, node.id, windowClosedOutput) !== undefined)) warn(node);
    if (waitsForContact(node) || node.type === 'goto') continue;
    // A window_closed edge leads to what runs with the window closed: that part needs templates too.
    for (const handle of [...outputsOf(node), windowClosedOutput]) queue.push(targetOf(index, node.id, handle));
  }
}

/**
 * Warns where a block may send free-form with the 24-hour window closed, so the user decides
 * what happens there (in the inspector's "Quando a janela de 24 h estiver fechada"):
 * - after the `timeout` of a wait longer than 24 hours, before the contact can have written again;
 * - at the start of a flow a campaign starts right after its template (the flow's setting
 *   "Pode começar por campanha", or the server knows a campaign uses it), before the contact answers.
 */
export const windowAfterWait: Rule = ({ flow, index, environment }) => {
  const warned = new Set<string>();
  const problems: Problem[] = [];
  const warnAs = (code: ProblemCode) => (node: FlowNode) => {
    if (warned.has(node.id)) return;
    warned.add(node.id);
    problems.push(nodeProblem(node, code));
  };
  if (flow.settings.startsFromCampaign || environment?.startedByCampaign) {
    const starts = flow.nodes.filter((n) => n.type === 'start').map((n) => targetOf(index, n.id, 'next'));
    walkClosedWindow(index, starts, warnAs('window_closed_at_campaign_start'));
  }
  for (const wait of flow.nodes) {
    const minutes = silenceMinutes(wait);
    if (minutes === null || minutes <= windowMinutes) continue;
    walkClosedWindow(index, [targetOf(index, wait.id, 'timeout')], warnAs('window_may_be_closed'));
  }
  return problems;
};
