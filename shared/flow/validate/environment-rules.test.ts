import { describe, expect, it } from 'vitest';
import { starterTemplates } from '../../templates/index.ts';
import { validateFlow } from './index.ts';
import type { FlowEnvironment } from './environment.ts';

const template = (id: string) => {
  const found = starterTemplates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found.flow;
};
const codes = (flow: unknown, environment?: FlowEnvironment) =>
  validateFlow(flow, environment).problems.map((p) => `${p.code}@${p.nodeId}`);

const emptyInstall: FlowEnvironment = { activeProductsByCategory: {}, aiConfigured: false };
const stocked: FlowEnvironment = { activeProductsByCategory: { casas: 2 }, aiConfigured: true };

describe("validateFlow with the installation's facts", () => {
  it('warns that a product picker has nothing to offer on a fresh install, and still lets it publish', () => {
    const result = validateFlow(template('imobiliaria'), emptyInstall);
    expect(result.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['picker_without_products', 'warning', 'picker'],
    ]);
    expect(result.problems[0]?.messages.en).toContain('no active products');
    expect(result.ok).toBe(true);
  });

  it('is quiet once any category has a product to offer (no categories chosen means all)', () => {
    expect(codes(template('imobiliaria'), stocked)).toEqual([]);
    expect(codes(template('pedidos'), stocked)).toEqual([]);
  });

  it('counts only the categories a picker names', () => {
    const flow = structuredClone(template('pedidos'));
    const picker = flow.nodes.find((n) => n.type === 'product_picker');
    if (picker?.type !== 'product_picker') throw new Error('no picker');
    picker.data.categoryIds = ['pizzas', 'bebidas'];
    expect(codes(flow, stocked)).toEqual(['picker_without_products@carrinho']);
    expect(codes(flow, { ...stocked, activeProductsByCategory: { bebidas: 1 } })).toEqual([]);
  });

  it("looks only at the catalog the picker offers: its own, else its channels', else any", () => {
    const flow = structuredClone(template('pedidos'));
    const picker = flow.nodes.find((n) => n.type === 'product_picker');
    if (picker?.type !== 'product_picker') throw new Error('no picker');
    // Products only in the furniture catalog; the pizzeria's categories are empty.
    const twoShops: FlowEnvironment = {
      activeProductsByCategory: { sofas: 4 },
      catalogOfCategory: { sofas: 'moveis', pizzas: 'pizzaria', bebidas: 'pizzaria' },
      aiConfigured: true,
    };
    expect(codes(flow, twoShops)).toEqual([]);
    expect(codes(flow, { ...twoShops, pickerCatalogIds: ['pizzaria'] })).toEqual(['picker_without_products@carrinho']);
    expect(codes(flow, { ...twoShops, pickerCatalogIds: ['moveis'] })).toEqual([]);
    // Two channels answer with the flow: the one whose catalog is empty would loop.
    expect(codes(flow, { ...twoShops, pickerCatalogIds: ['moveis', 'pizzaria'] })).toEqual([
      'picker_without_products@carrinho',
    ]);
    picker.data.catalogId = 'pizzaria';
    expect(codes(flow, { ...twoShops, pickerCatalogIds: ['moveis'] })).toEqual(['picker_without_products@carrinho']);
    picker.data.catalogId = 'moveis';
    expect(codes(flow, { ...twoShops, pickerCatalogIds: ['pizzaria'] })).toEqual([]);
  });

  it('warns that an LLM block has no provider', () => {
    const flow = {
      schemaVersion: 1,
      name: 'LLM',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'ia', type: 'llm', position: { x: 0, y: 200 }, data: { systemPrompt: 'Atenda o contato.' } },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'ia' }],
    };
    // Only the installation's facts: the bare flow has other (document) problems too.
    const about = (env: FlowEnvironment) =>
      validateFlow(flow, env)
        .problems.filter((p) => p.code.includes('provider'))
        .map((p) => [p.code, p.severity, p.nodeId]);
    expect(about(emptyInstall)).toEqual([['llm_without_provider', 'warning', 'ia']]);
    expect(about(stocked)).toEqual([]);
  });

  it('refuses the clinic template (an agent that books) while no provider is configured', () => {
    expect(codes(template('atendimento-ia'), emptyInstall)).toEqual(['agent_without_provider@recepcionista']);
    expect(codes(template('atendimento-ia'), stocked)).toEqual([]);
  });

  it('refuses an agent block without a provider, or naming a provider that does not exist', () => {
    const flow = structuredClone(template('vendas-ia'));
    expect(codes(flow, emptyInstall)).toEqual(['agent_without_provider@vendedor']);
    expect(validateFlow(flow, emptyInstall).ok).toBe(false);
    expect(codes(flow, stocked)).toEqual([]);
    const agent = flow.nodes.find((n) => n.type === 'agent');
    if (agent?.type !== 'agent') throw new Error('no agent');
    agent.data.provider = 'Groq';
    expect(codes(flow, { ...stocked, aiProviders: ['OpenAI'] })).toEqual(['agent_unknown_provider@vendedor']);
    expect(codes(flow, { ...stocked, aiProviders: ['OpenAI', 'Groq'] })).toEqual([]);
  });

  it("names a menu's 'Entender com IA' provider that no longer exists; without one it falls back quietly", () => {
    const flow = structuredClone(template('imobiliaria'));
    const menu = flow.nodes.find((n) => n.type === 'menu');
    if (menu?.type !== 'menu') throw new Error('no menu');
    menu.data.ai = { ...menu.data.ai, enabled: true, provider: 'Groq' };
    expect(codes(flow, { ...stocked, aiProviders: ['OpenAI'] })).toEqual([`agent_unknown_provider@${menu.id}`]);
    expect(codes(flow, { ...stocked, aiProviders: ['OpenAI', 'Groq'] })).toEqual([]);
    menu.data.ai = { ...menu.data.ai, provider: '' };
    expect(codes(flow, { ...stocked, aiConfigured: false, aiProviders: [] })).toEqual([]);
  });

  it('says nothing about the installation when it is not told about it', () => {
    expect(codes(template('imobiliaria'))).toEqual([]);
    expect(codes(template('atendimento-ia'))).toEqual([]);
  });
});
