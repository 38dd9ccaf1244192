import type { ConditionRule } from '../../../shared/flow/nodes/condition.ts';
import type { MenuOption } from '../../../shared/flow/nodes/menu.ts';
import { optionHandle, ruleHandle } from '../../../shared/flow/nodes/outputs.ts';
import type { EditorFlow, EditorNode, IdFactory } from '../state/types.ts';
import { mapNode } from './update-data.ts';

/**
 * Menu options and condition rules each own an output handle, so removing one also removes
 * the edge leaving through it: an edge from a handle that no longer exists would dangle.
 */
function withoutHandle(flow: EditorFlow, nodeId: string, handle: string): EditorFlow {
  return { ...flow, edges: flow.edges.filter((e) => !(e.source === nodeId && e.sourceHandle === handle)) };
}

function mapMenu(flow: EditorFlow, nodeId: string, fn: (options: MenuOption[]) => MenuOption[]): EditorFlow {
  return mapNode(flow, nodeId, (n) =>
    n.type === 'menu' ? ({ ...n, data: { ...n.data, options: fn(n.data.options) } } as EditorNode) : n,
  );
}

function mapRules(flow: EditorFlow, nodeId: string, fn: (rules: ConditionRule[]) => ConditionRule[]): EditorFlow {
  return mapNode(flow, nodeId, (n) =>
    n.type === 'condition' ? ({ ...n, data: { ...n.data, rules: fn(n.data.rules) } } as EditorNode) : n,
  );
}

function move<T>(items: T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

export function addMenuOption(flow: EditorFlow, nodeId: string, title: string, id: IdFactory): EditorFlow {
  return mapMenu(flow, nodeId, (options) => [...options, { id: id('o'), title, synonyms: [] }]);
}

export function removeMenuOption(flow: EditorFlow, nodeId: string, optionId: string): EditorFlow {
  const next = mapMenu(flow, nodeId, (options) => options.filter((o) => o.id !== optionId));
  return next === flow ? flow : withoutHandle(next, nodeId, optionHandle(optionId));
}

/** Reorders options; their handles (and edges) follow because handles are keyed by option id. */
export function moveMenuOption(flow: EditorFlow, nodeId: string, from: number, to: number): EditorFlow {
  return mapMenu(flow, nodeId, (options) => move(options, from, to));
}

export function updateMenuOption(
  flow: EditorFlow,
  nodeId: string,
  optionId: string,
  patch: Partial<MenuOption>,
): EditorFlow {
  return mapMenu(flow, nodeId, (options) => options.map((o) => (o.id === optionId ? { ...o, ...patch } : o)));
}

export function addConditionRule(flow: EditorFlow, nodeId: string, id: IdFactory): EditorFlow {
  return mapRules(flow, nodeId, (rules) => [
    ...rules,
    { id: id('r'), variable: 'last_answer', operator: 'equals', value: '' },
  ]);
}

export function removeConditionRule(flow: EditorFlow, nodeId: string, ruleId: string): EditorFlow {
  const next = mapRules(flow, nodeId, (rules) => rules.filter((r) => r.id !== ruleId));
  return next === flow ? flow : withoutHandle(next, nodeId, ruleHandle(ruleId));
}

export function moveConditionRule(flow: EditorFlow, nodeId: string, from: number, to: number): EditorFlow {
  return mapRules(flow, nodeId, (rules) => move(rules, from, to));
}

export function updateConditionRule(
  flow: EditorFlow,
  nodeId: string,
  ruleId: string,
  patch: Partial<ConditionRule>,
): EditorFlow {
  return mapRules(flow, nodeId, (rules) => rules.map((r) => (r.id === ruleId ? { ...r, ...patch } : r)));
}
