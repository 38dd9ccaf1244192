import { z } from 'zod';
import { agendaRules, type AgendaRules } from '../agenda/agenda.ts';
import { flowDocument, type FlowDocument } from '../flow/schema.ts';
import atendimentoIa from './atendimento-ia.flow.json' with { type: 'json' };
import atendimentoIaAgendas from './atendimento-ia.agendas.json' with { type: 'json' };
import cobranca from './cobranca.flow.json' with { type: 'json' };
import imobiliaria from './imobiliaria.flow.json' with { type: 'json' };
import pedidos from './pedidos.flow.json' with { type: 'json' };
import imobiliariaAgendas from './imobiliaria.agendas.json' with { type: 'json' };
import vendasIa from './vendas-ia.flow.json' with { type: 'json' };
import imobiliariaSample from './imobiliaria.sample.json' with { type: 'json' };
import pedidosSample from './pedidos.sample.json' with { type: 'json' };
import { sampleCatalog, type SampleCatalog } from './sample-data.ts';

export interface StarterTemplate {
  /** Stable id used by the API (`templateId`) and the studio's gallery. */
  id: string;
  name: string;
  description: string;
  flow: FlowDocument;
  /** Catalog entries the flow needs to do anything on a fresh install; null when it needs none. */
  sampleData: SampleCatalog | null;
  /**
   * Agendas its schedule blocks book, by their fixed `exemplo-` id: created with the flow (the
   * block cannot work without one), and found already there when the template is used again.
   */
  agendas: Readonly<Record<string, AgendaRules>>;
}

const templateAgendas = z.record(z.string().regex(/^exemplo-[a-z0-9-]+$/), agendaRules);

/**
 * Parsed once here: JSON imports are typed loosely (every `type` is just `string`), and
 * parsing gives callers a real FlowDocument with defaults applied. A broken template fails
 * at import, and `templates.test.ts` makes that a red test rather than a broken gallery.
 */
function starter(id: string, json: unknown, sample: unknown = null, agendas: unknown = {}): StarterTemplate {
  const flow = flowDocument.parse(json);
  return {
    id,
    name: flow.name,
    description: flow.description,
    flow,
    sampleData: sample === null ? null : sampleCatalog.parse(sample),
    agendas: templateAgendas.parse(agendas),
  };
}

/** The pt-BR starter flows offered when creating a flow. */
export const starterTemplates: readonly StarterTemplate[] = [
  starter('imobiliaria', imobiliaria, imobiliariaSample, imobiliariaAgendas),
  starter('pedidos', pedidos, pedidosSample),
  starter('atendimento-ia', atendimentoIa, null, atendimentoIaAgendas),
  starter('cobranca', cobranca),
  starter('vendas-ia', vendasIa),
];
