import { z } from 'zod';
import { flowDocument } from './schema.ts';

/**
 * The flow document as JSON Schema, for tools outside Fluxo (editors, generators, linters).
 * Input side: what a file may contain before defaults are applied, so defaulted fields are optional.
 */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowDocument, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
