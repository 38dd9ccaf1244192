import { createOpenAI } from '@ai-sdk/openai';
import type { AiMediaSupport } from '../../runtime/ports.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';

const none: AiMediaSupport = { vision: false, transcription: null };

/**
 * What a named provider of Configurações (empty: the default one) does with pictures and voice
 * notes: its vision flag, and its transcription model through OpenAI's `/audio/transcriptions`
 * (multipart), which OpenAI-compatible servers (Groq, a local whisper) speak too. Read on each
 * use, like the named models, so a change in the settings applies at once.
 */
export function createAiMedia(db: Db, secrets: SecretBox) {
  return async (provider: string): Promise<AiMediaSupport> => {
    let q = db.selectFrom('ai_providers').selectAll();
    q = provider ? q.where('name', '=', provider) : q.where('is_default', '=', true);
    const row = await q.executeTakeFirst();
    if (!row) return none;
    const transcription = row.transcription_model
      ? createOpenAI({
          baseURL: row.base_url,
          apiKey: row.api_key_enc ? secrets.open(row.api_key_enc) : 'none',
        }).transcription(row.transcription_model)
      : null;
    return { vision: row.vision, transcription };
  };
}
