import { z } from 'zod';
import { templateText, variableName } from '../common.ts';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const httpData = z.object({
  method: z.enum(httpMethods).default('GET'),
  url: templateText.min(1),
  headers: z.array(z.object({ name: z.string().min(1), value: templateText })).default([]),
  /** JSON (or any text) body template; ignored for GET. */
  body: templateText.default(''),
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
  /** Response fields copied into variables: `path` like `data.items.0.name` or `$.data.items[0].name`. */
  mappings: z.array(z.object({ variable: variableName, path: z.string().min(1) })).default([]),
  /** Stores the HTTP status code here when set. */
  statusVariable: variableName.optional(),
});
export type HttpData = z.infer<typeof httpData>;
