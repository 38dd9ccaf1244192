import { describe, expect, it } from 'vitest';
import { toEditorFlow } from '../document.ts';
import { sequentialIds } from '../state/ids.ts';
import { sampleFlow } from '../testing/sample-flow.ts';
import {
  addConditionRule,
  addMenuOption,
  moveMenuOption,
  removeConditionRule,
  removeMenuOption,
  updateMenuOption,
} from './options.ts';

const flow = () => toEditorFlow(sampleFlow());
const menuOf = (f: ReturnType<typeof flow>) => {
  const menu = f.nodes.find((n) => n.id === 'menu');
  if (menu?.type !== 'menu') throw new Error('no menu');
  return menu.data;
};

describe('menu options', () => {
  it('adds an option with a fresh id', () => {
    const next = addMenuOption(flow(), 'menu', 'Nova', sequentialIds());
    expect(menuOf(next).options.at(-1)).toEqual({ id: 'o1', title: 'Nova', synonyms: [] });
  });

  it('removing an option removes the edge leaving through it, and only that edge', () => {
    const next = removeMenuOption(flow(), 'menu', 'a');
    expect(menuOf(next).options.map((o) => o.id)).toEqual(['b']);
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e3', 'e4']);
  });

  it('reorders options, keeping ids (so edges follow)', () => {
    const next = moveMenuOption(flow(), 'menu', 1, 0);
    expect(menuOf(next).options.map((o) => o.id)).toEqual(['b', 'a']);
    expect(next.edges).toEqual(flow().edges);
  });

  it('ignores a move out of range', () => {
    expect(menuOf(moveMenuOption(flow(), 'menu', 0, 5)).options.map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('edits one option', () => {
    expect(menuOf(updateMenuOption(flow(), 'menu', 'b', { title: 'Ajuda' })).options[1]?.title).toBe('Ajuda');
  });
});

describe('condition rules', () => {
  it('adds a rule with a fresh id', () => {
    const added = addConditionRule(flow(), 'cond', (prefix) => `${prefix}-new`);
    const cond = added.nodes.find((n) => n.id === 'cond');
    if (cond?.type !== 'condition') throw new Error('no condition');
    expect(cond.data.rules.map((r) => r.id)).toEqual(['r1', 'r-new']);
  });

  it('removing a rule removes its edge', () => {
    const removed = removeConditionRule(flow(), 'cond', 'r1');
    expect(removed.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });
});
