import type { Ports } from '../../runtime/ports.ts';

/**
 * The process's ports with some of them replaced for one contact's run (its channel's media
 * reader, its channel's catalog). A prototype, not a spread: the shared ports read the provider
 * and time zone through getters, which must stay live, and a spread of ports that are already
 * layered this way would drop the ones they inherit.
 */
export function overridePorts(ports: Ports, overrides: Partial<Ports>): Ports {
  const layered = Object.create(ports) as Ports;
  Object.assign(layered, overrides);
  return layered;
}
