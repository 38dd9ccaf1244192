import type { AiProvider } from '../../shared/api/settings.ts';
import type { AiProviderRow } from '../db/queries/ai-providers.ts';

/** The key never leaves the server: the view only says whether one is stored. */
export function aiProviderView(row: AiProviderRow): AiProvider {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    model: row.model,
    isDefault: row.is_default,
    vision: row.vision,
    transcriptionModel: row.transcription_model,
    hasKey: row.api_key_enc !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
