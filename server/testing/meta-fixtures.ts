import { readdirSync, readFileSync } from 'node:fs';

/**
 * Meta webhook fixtures copied into the repo (`server/whatsapp/fixtures/`), so a fresh clone
 * runs its tests alone. Bytes are returned untouched: signatures are over the exact file.
 */
const dir = new URL('../whatsapp/fixtures/', import.meta.url);

export const FIXTURE_APP_SECRET = 'fixture-app-secret-0123456789abcdef';

export function metaFixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, dir));
}

/** Every webhook body fixture (`*.json` at the top level). */
export function metaFixtureNames(): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}
