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
import { createLocalEventBus } from './events/event-bus.ts';
import { validationHook } from './http/validation-hook.ts';
import { llmSourceOf } from './conversation/llm-source.ts';
import { authRoutes } from './routes/auth.ts';
import { categoryRoutes, productRoutes } from './routes/catalog.ts';
import { catalogRoutes } from './routes/catalogs.ts';
import { catalogCsvRoutes } from './routes/catalog-csv.ts';
import { metaCatalogRoutes } from './routes/meta-catalog.ts';
import { productPhotoRoutes } from './routes/product-photos.ts';
import { channelRoutes } from './routes/channels.ts';
import { channelTestRoutes } from './routes/channel-test.ts';
import { flowRoutes } from './routes/flows.ts';
import { flowVersionRoutes } from './routes/flow-versions.ts';
import { flowEnvironmentRoutes } from './routes/flow-environment.ts';
import { sampleImageRoutes } from './http/sample-images.ts';
import { productPhotoFiles } from './http/product-photos.ts';
import { pixQrFiles } from './payments/pix-qr.ts';
import { uploadedFiles } from './http/uploaded-files.ts';
import { mediaSizeLimits } from '../shared/whatsapp-limits.ts';
import { fileTooLarge } from './routes/media.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { contactFieldRoutes } from './routes/contact-fields.ts';
import { contactRoutes } from './routes/contacts.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { aiProviderChoiceRoutes } from './routes/ai-provider-choices.ts';
import { aiRunRoutes } from './routes/ai-runs.ts';
import { dashboardAiRoutes } from './routes/dashboard-ai.ts';
import { eventRoutes } from './routes/events.ts';
import { teamOverviewRoutes } from './routes/team-overview.ts';
import { mediaRoutes } from './routes/media.ts';
import { messageTemplateRoutes } from './routes/message-templates.ts';
import { auditRoutes } from './routes/audit.ts';
import { presenceRoutes } from './routes/presence.ts';
import { handoffActionRoutes } from './routes/handoff-actions.ts';
import { teamRoutes } from './routes/teams.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { handoffRoutes } from './routes/handoffs.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { timeWebhookAnswers } from './metrics/time-webhook-answers.ts';
import { orderNotificationRoutes } from './routes/order-notifications.ts';
import { orderRoutes } from './routes/orders.ts';
import { orderPaymentRoutes } from './routes/order-payments.ts';
import { templateRoutes } from './routes/templates.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { settingsRoutes } from './routes/settings.ts';
import { aiProviderRoutes } from './routes/ai-providers.ts';
import { whatsappWebhook } from './webhooks/whatsapp.ts';
import { eventWebhookRoutes } from './routes/event-webhooks.ts';
import { chatwootWebhook } from './webhooks/chatwoot.ts';
import { chatwootSettingsRoutes } from './routes/chatwoot-settings.ts';
import { agendaCalendarRoutes, agendaRoutes } from './routes/agendas.ts';
import { bookingRoutes } from './routes/bookings.ts';

export interface AppOptions {
  /** Folder of the built studio; omitted in API-only tests. */
  studioDir?: string;
  /** A `worker` process answers only health and metrics: no API, studio or webhooks (FLUXO_ROLE). */
  workerOnly?: boolean;
}

/** Composes the routers; every dependency comes in through `deps`. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  // Without Redis each process counts its own requests for the rate limits.
  deps.hitCounter ??= createLocalHitCounter(() => deps.clock.now().getTime());
  deps.events ??= createLocalEventBus();
  llmSourceOf(deps);
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
  if (options.workerOnly) return app;
  app.route('/', sampleImageRoutes);
  app.route('/', productPhotoFiles);
  app.route('/', pixQrFiles);
  app.route('/', uploadedFiles);
  app.use('/webhooks/*', rejectInvalidUrlText);
  app.use('/webhooks/whatsapp', timeWebhookAnswers);
  app.route('/webhooks/whatsapp', whatsappWebhook);
  app.route('/webhooks/chatwoot', chatwootWebhook);

  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  // Flow documents are the largest bodies the admin API takes; 5 MB holds thousands of nodes.
  const apiBodyLimit = bodyLimit({
    maxSize: 5 * 1024 * 1024,
    onError: () => {
      throw new AppError(413, 'payload_too_large', 'O corpo da requisição passa de 5 MB.');
    },
  });
  // Files agents send (`POST /api/media`) may be larger; the route checks each kind's own limit.
  const uploadBodyLimit = bodyLimit({
    maxSize: mediaSizeLimits.upload + 64 * 1024,
    onError: () => {
      throw fileTooLarge();
    },
  });
  api.use('*', (c, next) =>
    (c.req.method === 'POST' && c.req.path === '/api/media' ? uploadBodyLimit : apiBodyLimit)(c, next),
  );
  api.use('*', rejectCrossOriginWrites);
  api.use('*', requireJsonForCookieWrites);
  api.use('*', rejectInvalidText);
  api.route('/auth', authRoutes);
  mountAuthenticated(api, '/flows', flowRoutes, analyticsRoutes, flowVersionRoutes);
  mountAuthenticated(api, '/templates', templateRoutes);
  mountAuthenticated(api, '/flow-environment', flowEnvironmentRoutes);
  mountAuthenticated(api, '/ai-providers', aiProviderChoiceRoutes);
  mountAuthenticated(api, '/channels', channelRoutes, channelTestRoutes);
  mountAuthenticated(api, '/products', productRoutes, productPhotoRoutes);
  mountAuthenticated(api, '/categories', categoryRoutes);
  mountAuthenticated(api, '/catalogs', catalogCsvRoutes, metaCatalogRoutes, catalogRoutes);
  mountAuthenticated(api, '/orders', orderRoutes, orderPaymentRoutes);
  mountAuthenticated(api, '/order-notifications', orderNotificationRoutes);
  mountAuthenticated(api, '/users', userRoutes);
  mountAuthenticated(api, '/tokens', tokenRoutes);
  mountAuthenticated(api, '/handoffs', handoffRoutes, handoffActionRoutes);
  mountAuthenticated(api, '/contacts', contactRoutes);
  mountAuthenticated(api, '/contact-fields', contactFieldRoutes);
  mountAuthenticated(api, '/campaigns', campaignRoutes);
  mountAuthenticated(api, '/conversations', conversationRoutes, aiRunRoutes);
  mountAuthenticated(api, '/media', mediaRoutes);
  mountAuthenticated(api, '/events', eventRoutes);
  mountAuthenticated(api, '/settings', settingsRoutes, aiProviderRoutes);
  mountAuthenticated(api, '/dashboard', dashboardRoutes, dashboardAiRoutes);
  mountAuthenticated(api, '/audit', auditRoutes);
  mountAuthenticated(api, '/message-templates', messageTemplateRoutes);
  mountAuthenticated(api, '/event-webhooks', eventWebhookRoutes);
  mountAuthenticated(api, '/integrations/chatwoot', chatwootSettingsRoutes);
  // The calendar feed authenticates by its own token, so it answers before the session guard.
  api.route('/agendas', agendaCalendarRoutes);
  mountAuthenticated(api, '/agendas', agendaRoutes);
  mountAuthenticated(api, '/bookings', bookingRoutes);
  mountAuthenticated(api, '/teams', teamOverviewRoutes, teamRoutes);
  mountAuthenticated(api, '/presence', presenceRoutes);
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Fluxo API',
      version: '1',
      description: 'Admin API of Fluxo. Errors are `{ error: { code, message } }`.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
  });
  api.all('*', (c) => c.json(errorBody('not_found', `Rota ${c.req.method} ${c.req.path} não existe.`), 404));
  app.route('/api', api);

  if (options.studioDir) app.route('/', studioRoutes(options.studioDir));
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * Mounts routers that need a caller on a sub-app of their own whose first middleware is
 * `authenticate`, so the guard covers exactly the prefix the routers answer under (and runs
 * once when two routers share it). It runs after the API-wide guards (body limit, CSRF, JSON,
 * text) and before each router's role and rate-limit middleware.
 */
function mountAuthenticated(api: OpenAPIHono<AppEnv>, path: string, ...routers: OpenAPIHono<AppEnv>[]) {
  const guarded = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  guarded.use('*', authenticate);
  for (const router of routers) guarded.route('/', router);
  api.route(path, guarded);
}
