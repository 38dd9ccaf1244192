import type { FlowDocument, FlowNode } from '../../shared/flow/schema.ts';
import { nodeProblem } from '../../shared/flow/validate/context.ts';
import type { Problem } from '../../shared/flow/validate/index.ts';
import type { AppDeps } from '../context.ts';
import type { Executor } from '../db/database.ts';
import type { AiEndpoint } from '../settings/probe-ai-provider.ts';
import { createProviderProbes, type ProviderProbes } from '../settings/provider-probes.ts';

/** The provider an AI block calls ('' is the default one) and the field naming it, or null for a block that calls none. */
function providerOf(node: FlowNode): { provider: string; field: string } | null {
  if (node.type === 'llm' || node.type === 'agent') return { provider: node.data.provider, field: 'provider' };
  if ((node.type === 'menu' || node.type === 'question') && node.data.ai.enabled)
    return { provider: node.data.ai.provider, field: 'ai.provider' };
  return null;
}

/**
 * The provider behind a name, as the engine's ports resolve it (named-models.ts, llm-source.ts):
 * a named one of Configurações, or for '' the default one, else AI_BASE_URL. Null when there is
 * none: validation already says so (environment-rules.ts), and there is nothing to ask.
 */
async function resolveProvider(
  db: Executor,
  config: AppDeps['config'],
  secrets: AppDeps['secrets'],
  name: string,
): Promise<{ label: string; endpoint: AiEndpoint } | null> {
  let q = db.selectFrom('ai_providers').select(['name', 'base_url', 'api_key_enc']);
  q = name ? q.where('name', '=', name) : q.where('is_default', '=', true);
  const row = await q.executeTakeFirst();
  if (row) {
    const apiKey = row.api_key_enc ? secrets.open(row.api_key_enc) : undefined;
    return { label: row.name, endpoint: { baseUrl: row.base_url, apiKey } };
  }
  if (name || !config.ai) return null;
  return { label: 'AI_BASE_URL', endpoint: { baseUrl: config.ai.baseUrl, apiKey: config.ai.apiKey } };
}

/** The app's probes, built on first use (their cache lives as long as the app). */
export function providerProbesOf(deps: AppDeps): ProviderProbes {
  deps.providerProbes ??= createProviderProbes({ now: () => deps.clock.now().getTime() });
  return deps.providerProbes;
}

/**
 * Asks every provider the flow's AI blocks use whether it answers (once each, at the same time)
 * and returns a problem for each block whose provider does not. Skipped when the engine's ports
 * are injected (tests): the model then comes from them, not from a provider.
 */
export async function unreachableProviderProblems(flow: FlowDocument, deps: AppDeps): Promise<Problem[]> {
  if (deps.ports) return [];
  const blocks = flow.nodes.flatMap((node) => {
    const uses = providerOf(node);
    return uses === null ? [] : [{ node, ...uses }];
  });
  const names = [...new Set(blocks.map((b) => b.provider))];
  const checks = new Map(
    await Promise.all(
      names.map(async (name) => {
        const resolved = await resolveProvider(deps.db, deps.config, deps.secrets, name);
        const result = resolved ? await providerProbesOf(deps).probe(resolved.endpoint) : null;
        return [name, resolved && result ? { label: resolved.label, result } : null] as const;
      }),
    ),
  );
  return blocks.flatMap(({ node, provider, field }) => {
    const check = checks.get(provider);
    if (!check) return [];
    const { ok, ...why } = check.result;
    return ok ? [] : [nodeProblem(node, 'ai_provider_unreachable', field, { provider: check.label, ...why })];
  });
}
