import { randomUUID } from 'node:crypto';
import type { Ports } from '../../runtime/ports.ts';
import type { AppDeps } from '../context.ts';
import { createCatalogPort } from './catalog-port.ts';
import { createHttpPort } from './http-port.ts';
import { createLlmModel } from './llm-model.ts';

/** The simulator runs with the same real ports as WhatsApp: the catalog, HTTP and the LLM. */
export function simulatorPorts(deps: AppDeps): Ports {
  return deps.ports ?? {
    clock: deps.clock,
    ids: { next: () => randomUUID() },
    http: createHttpPort({ allowPrivate: deps.config.httpNodeAllowPrivate }),
    llm: createLlmModel(deps.config),
    catalog: createCatalogPort(deps.db),
  };
}
