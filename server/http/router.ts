import { createRoute, OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
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

/**
 * Registers an update as `PATCH` and as `PUT` with one handler, so both change only the fields
 * sent: older clients that PUT one field keep working and can no longer clear the others.
 */
export function updateRoute<R extends Omit<RouteConfig, 'method'>>(
  router: OpenAPIHono<AppEnv>,
  route: R,
  handler: RouteHandler<R & { method: 'patch' }, AppEnv>,
) {
  router.openapi(createRoute({ ...route, method: 'patch' }), handler);
  // Same route but for the method; the handler never looks at it.
  router.openapi(
    createRoute({ ...route, method: 'put' }),
    handler as unknown as RouteHandler<R & { method: 'put' }, AppEnv>,
  );
}
