import { describe, expect, it } from 'vitest';
import { waitsForContact } from '../flow/nodes/index.ts';
import { flowDocument } from '../flow/schema.ts';
import { validateFlow } from '../flow/validate/index.ts';
import { starterTemplates } from './index.ts';

// Vite's glob instead of node:fs: shared/ stays free of Node imports, tests included.
const flowFiles = import.meta.glob<unknown>('./*.flow.json', { eager: true, import: 'default' });
// Keys only (lazy): the test needs to know the pictures exist, not their bytes.
const sampleImages = new Set(
  Object.keys(import.meta.glob('./sample-images/*')).map((k) => k.replace('./sample-images/', '')),
);
const conversations = import.meta.glob<{ name: string; flow: string; turns: unknown[] }>('./*.conversation.json', {
  eager: true,
  import: 'default',
});

const fileOf = (id: string) => `./${id}.flow.json`;

describe('starter templates', () => {
  it('lists every flow file in this folder exactly once', () => {
    expect(starterTemplates.map((t) => fileOf(t.id)).sort()).toEqual(Object.keys(flowFiles).sort());
    expect(starterTemplates.map((t) => t.id)).toEqual([
      'imobiliaria',
      'pedidos',
      'atendimento-ia',
      'cobranca',
      'vendas-ia',
    ]);
  });

  describe.each(starterTemplates.map((t) => [t.id, t] as const))('%s', (id, template) => {
    it('parses with the flow schema', () => {
      expect(flowDocument.safeParse(flowFiles[fileOf(id)]).success).toBe(true);
      expect(template.name.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(20);
    });

    it('passes validateFlow without errors or warnings', () => {
      const result = validateFlow(flowFiles[fileOf(id)]);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('is laid out top to bottom without overlapping nodes', () => {
      const { nodes, edges } = template.flow;
      const at = new Map(nodes.map((n) => [n.id, n.position] as const));
      const spots = new Set(nodes.map((n) => `${n.position.x},${n.position.y}`));
      expect(spots.size).toBe(nodes.length);
      const start = nodes.find((n) => n.type === 'start');
      expect(start?.position.y).toBe(Math.min(...nodes.map((n) => n.position.y)));
      // Edges go down, except loops back to a node that asks again (a menu, a question).
      const asks = new Set(nodes.filter((n) => waitsForContact(n)).map((n) => n.id));
      const upward = edges.filter((e) => (at.get(e.target)?.y ?? 0) <= (at.get(e.source)?.y ?? 0));
      expect(upward.filter((e) => !asks.has(e.target))).toEqual([]);
    });

    it('brings sample data when its product picker needs a catalog, with pictures that exist', () => {
      const hasPicker = template.flow.nodes.some((n) => n.type === 'product_picker');
      expect(template.sampleData !== null).toBe(hasPicker);
      const sample = template.sampleData;
      if (!sample) return;
      const categories = new Set(sample.categories.map((c) => c.id));
      for (const p of sample.products) {
        expect(categories.has(p.categoryId), p.id).toBe(true);
        if (p.image !== null) expect(sampleImages.has(p.image), p.image).toBe(true);
      }
      // With its sample added, the picker has something to offer.
      const activeProductsByCategory = Object.fromEntries(
        sample.categories.map((c) => [c.id, sample.products.filter((p) => p.categoryId === c.id).length]),
      );
      expect(validateFlow(template.flow, { activeProductsByCategory, aiConfigured: true }).problems).toEqual([]);
    });

    it('has at least two conversation tests', () => {
      const own = Object.values(conversations).filter((c) => c.flow === `${id}.flow.json`);
      expect(own.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('has conversation tests that name an existing flow and have turns', () => {
    for (const [file, c] of Object.entries(conversations)) {
      expect(flowFiles[`./${c.flow}`], file).toBeDefined();
      expect(c.name.length, file).toBeGreaterThan(0);
      expect(c.turns.length, file).toBeGreaterThan(0);
    }
  });
});
