import type { FlowEnvironment } from '../../shared/flow/validate/index.ts';
import type { AppDeps } from '../context.ts';
import { findDefaultAiProvider, listAiProviders } from '../db/queries/ai-providers.ts';
import type { Executor } from '../db/database.ts';
import { defaultCatalogId } from '../db/queries/catalogs.ts';

/**
 * Whether LLM blocks have a model: the same answer the simulator's and WhatsApp's ports give
 * (injected ports in tests, else the default provider of the settings or the AI_* configuration).
 */
async function aiConfigured(db: Executor, deps: AppDeps): Promise<boolean> {
  if (deps.ports) return deps.ports.llm !== null;
  // Read now rather than through the model cache: a provider saved a moment ago counts.
  return deps.config.ai !== null || (await findDefaultAiProvider(db)) !== undefined;
}

/**
 * Whether a campaign that may still send starts this flow after its template: validation then
 * checks the blocks that would send with the 24-hour window closed (window-after-wait.ts).
 */
async function startedByCampaign(db: Executor, flowId: string): Promise<boolean> {
  const row = await db
    .selectFrom('campaigns')
    .select('id')
    .where('flow_id', '=', flowId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return row !== undefined;
}

/** The catalogs a picker naming none offers on the channels answering with the flow; undefined when none does. */
async function pickerCatalogIds(db: Executor, flowId: string): Promise<string[] | undefined> {
  const channels = await db.selectFrom('channels').select('catalog_id').where('flow_id', '=', flowId).execute();
  if (channels.length === 0) return undefined;
  return [...new Set(channels.map((c) => c.catalog_id ?? defaultCatalogId))];
}

/**
 * What validation needs to know about this installation; see shared/flow/validate/environment.ts.
 * With `flowId`, also what the installation knows about that flow (a campaign starts it).
 */
export async function loadFlowEnvironment(db: Executor, deps: AppDeps, flowId?: string): Promise<FlowEnvironment> {
  // The picker offers active products that are not sold out (catalog-port.ts, product_picker.ts).
  const rows = await db
    .selectFrom('products')
    .select((eb) => ['category_id', eb.fn.countAll<number | string>().as('n')])
    .where('active', '=', true)
    .where((eb) => eb.or([eb('stock', 'is', null), eb('stock', '>', 0)]))
    .groupBy('category_id')
    .execute();
  const activeProductsByCategory = Object.fromEntries(rows.map((r) => [r.category_id, Number(r.n)]));
  const categories = await db.selectFrom('categories').select(['id', 'catalog_id']).execute();
  const catalogOfCategory = Object.fromEntries(categories.map((k) => [k.id, k.catalog_id]));
  const catalogs = flowId !== undefined ? await pickerCatalogIds(db, flowId) : undefined;
  const providers = deps.ports ? undefined : (await listAiProviders(db)).map((p) => p.name);
  return {
    activeProductsByCategory,
    catalogOfCategory,
    ...(catalogs ? { pickerCatalogIds: catalogs } : {}),
    aiConfigured: await aiConfigured(db, deps),
    ...(providers ? { aiProviders: providers } : {}),
    ...(flowId !== undefined && { startedByCampaign: await startedByCampaign(db, flowId) }),
  };
}
