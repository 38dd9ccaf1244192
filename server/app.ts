import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './context.ts';
import { authenticate, requireJsonForCookieWrites } from './http/auth.ts';
import { rejectCrossOriginWrites } from './http/csrf.ts';
import { AppError, errorBody, handleError } from './http/errors.ts';
import { requireMetricsToken } from './http/metrics-auth.ts';
import { securityHeaders } from './http/secure-headers.ts';
import { studioRoutes } from './http/static-studio.ts';
import { rejectInvalidText, rejectInvalidUrlText } from './http/text-guard.ts';
import { createLocalHitCounter } from './http/rate-limit/hit-counter.ts';
import { validationHook } from './http/validation-hook.ts';
import { authRoutes } from './routes/auth.ts';
import { categoryRoutes, productRoutes } from './routes/catalog.ts';
import { channelRoutes } from './routes/channels.ts';
import { channelTestRoutes } from './routes/channel-test.ts';
import { flowRoutes } from './routes/flows.ts';
import { flowEnvironmentRoutes } from './routes/flow-environment.ts';
import { sampleImageRoutes } from './http/sample-images.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { contactRoutes } from './routes/contacts.ts';
import { handoffRoutes } from './routes/handoffs.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { orderRoutes } from './routes/orders.ts';
import { templateRoutes } from './routes/templates.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { whatsappWebhook } from './webhooks/whatsapp.ts';

export interface AppOptions {
  /** Folder of the built studio; omitted in API-only tests. */
  studioDir?: string;
}

/** Composes the routers; every dependency comes in through `deps`. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  // Without Redis each process counts its own requests for the rate limits.
  deps.hitCounter ??= createLocalHitCounter(() => deps.clock.now().getTime());
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError(deps.logger));
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });

  app.route('/', healthRoutes);
  app.use('/metrics', requireMetricsToken);
  app.route('/', metricsRoutes);
  app.route('/', sampleImageRoutes);
  app.use('/webhooks/*', rejectInvalidUrlText);
  app.route('/webhooks/whatsapp', whatsappWebhook);

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Flow documents are the largest bodies the admin API takes; 5 MB holds thousands of nodes.
  api.use('*', bodyLimit({
    maxSize: 5 * 1024 * 1024,
    onError: () => { throw new AppError(413, 'payload_too_large', 'O corpo da requisição passa de 5 MB.'); },
  }));
  api.use('*', rejectCrossOriginWrites);
  api.use('*', requireJsonForCookieWrites);
  api.use('*', rejectInvalidText);
  api.route('/auth', authRoutes);
  for (const path of ['/flows/*', '/flows', '/flow-environment', '/templates', '/channels/*', '/channels', '/products/*', '/products',
    '/categories/*', '/categories', '/orders/*', '/orders', '/users/*', '/users', '/tokens/*', '/tokens', '/handoffs/*', '/handoffs', '/contacts/*', '/contacts', '/campaigns/*', '/campaigns']) {
    api.use(path, authenticate);
  }
  api.route('/flows', flowRoutes);
  api.route('/flows', analyticsRoutes);
  api.route('/templates', templateRoutes);
  api.route('/flow-environment', flowEnvironmentRoutes);
  api.route('/channels', channelRoutes);
  api.route('/channels', channelTestRoutes);
  api.route('/products', productRoutes);
  api.route('/categories', categoryRoutes);
  api.route('/orders', orderRoutes);
  api.route('/users', userRoutes);
  api.route('/tokens', tokenRoutes);
  api.route('/handoffs', handoffRoutes);
  api.route('/contacts', contactRoutes);
  api.route('/campaigns', campaignRoutes);
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Fluxo API', version: '1', description: 'Admin API of Fluxo. Errors are `{ error: { code, message } }`.' },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
  });
  api.all('*', (c) => c.json(errorBody('not_found', `Rota ${c.req.method} ${c.req.path} não existe.`), 404));
  app.route('/api', api);

  if (options.studioDir) app.route('/', studioRoutes(options.studioDir));
  return app;
}

export type App = ReturnType<typeof createApp>;
