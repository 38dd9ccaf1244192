import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../testing/sample-flow.ts';
import { searchNodes } from './search.ts';

const label = (n: { type: string }) => (n.type === 'menu' ? 'Menu de opções' : n.type);

describe('searchNodes', () => {
  it('finds nodes by text ignoring case and accents', () => {
    const hits = searchNodes(sampleFlow().nodes, 'COMPRAS', label);
    expect(hits.map((h) => h.id)).toEqual(['buy']);
    expect(hits[0]?.snippet).toContain('compras');
  });

  it('matches option titles, type labels and ids', () => {
    const nodes = sampleFlow().nodes;
    expect(searchNodes(nodes, 'suporte', label).map((h) => h.id)).toEqual(['menu']);
    expect(searchNodes(nodes, 'opcoes', label).map((h) => h.id)).toEqual(['menu']);
    expect(searchNodes(nodes, 'cond', label).map((h) => h.id)).toEqual(['cond']);
  });

  it('returns nothing for a blank query', () => {
    expect(searchNodes(sampleFlow().nodes, '  ', label)).toEqual([]);
  });
});
