import { randomUUID } from 'node:crypto';
import type { Ports } from '../../runtime/ports.ts';
import type { AppDeps } from '../context.ts';
import { createAgendaPort } from './agenda-port.ts';
import { simulatedAgenda } from './simulator-agenda.ts';
import { createCatalogPort } from './catalog-port.ts';
import { createHttpPort } from './http-port.ts';
import { createPaymentsPort } from '../payments/payments-port.ts';
import { llmSourceOf } from './llm-source.ts';
import { createNamedModels } from './named-models.ts';
import { createAiMedia } from './ai-media.ts';
import { loadSettings } from '../settings/load-settings.ts';

/**
 * The simulator runs with the same real ports as WhatsApp: the catalog, HTTP and the LLM; the
 * agenda shows real free slots but books nothing.
 */
export async function simulatorPorts(deps: AppDeps): Promise<Ports> {
  if (deps.ports) return deps.ports;
  const { timeZone, businessHours } = await loadSettings(deps.db);
  return {
    clock: { now: () => deps.clock.now(), timeZone, businessHours },
    ids: { next: () => randomUUID() },
    http: createHttpPort({ allowPrivate: deps.config.httpNodeAllowPrivate }),
    llm: await llmSourceOf(deps).fresh(),
    catalog: createCatalogPort(deps.db, { publicUrl: deps.config.publicUrl }),
    agenda: simulatedAgenda(createAgendaPort(deps.db, { now: () => deps.clock.now(), timeZone })),
    aiModel: createNamedModels(deps.db, deps.secrets, deps.config),
    payments: createPaymentsPort(deps.db, { publicUrl: deps.config.publicUrl }),
    aiMedia: createAiMedia(deps.db, deps.secrets),
  };
}
