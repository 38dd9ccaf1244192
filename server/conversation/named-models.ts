import type { LanguageModel } from 'ai';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';
import type { Config } from '../env.ts';
import { openAiCompatibleModel } from './llm-model.ts';

/**
 * The model an agent block picks: a named provider of Configurações (with the block's model, or
 * the provider's own), or the default provider / AI_* configuration when it names none. Read on
 * each turn, so a provider saved in the studio is used at once; null when the named one is gone.
 */
export function createNamedModels(db: Db, secrets: SecretBox, config: Config) {
  return async ({ provider, model }: { provider: string; model: string }): Promise<LanguageModel | null> => {
    let q = db.selectFrom('ai_providers').selectAll();
    q = provider ? q.where('name', '=', provider) : q.where('is_default', '=', true);
    const row = await q.executeTakeFirst();
    if (row) {
      return openAiCompatibleModel({
        baseUrl: row.base_url,
        apiKey: row.api_key_enc ? secrets.open(row.api_key_enc) : undefined,
        model: model || row.model,
      });
    }
    if (provider || !config.ai) return null;
    return openAiCompatibleModel({ ...config.ai, model: model || config.ai.model });
  };
}
