import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { validationHook } from './validation-hook.ts';

/** A feature router: zod-validated, documented in /api/openapi.json, one error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
