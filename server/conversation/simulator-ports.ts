import { randomUUID } from 'node:crypto';
import type { Ports } from '../../runtime/ports.ts';
import type { AppDeps } from '../context.ts';
import { createCatalogPort } from './catalog-port.ts';
import { createHttpPort } from './http-port.ts';
import { llmSourceOf } from './llm-source.ts';
import { loadSettings } from '../settings/load-settings.ts';

/** The simulator runs with the same real ports as WhatsApp: the catalog, HTTP and the LLM. */
export async function simulatorPorts(deps: AppDeps): Promise<Ports> {
  if (deps.ports) return deps.ports;
  const { timeZone } = await loadSettings(deps.db);
  return {
    clock: { now: () => deps.clock.now(), timeZone },
    ids: { next: () => randomUUID() },
    http: createHttpPort({ allowPrivate: deps.config.httpNodeAllowPrivate }),
    llm: await llmSourceOf(deps).fresh(),
    catalog: createCatalogPort(deps.db, { publicUrl: deps.config.publicUrl }),
  };
}
