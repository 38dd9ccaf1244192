import type { LanguageModel } from 'ai';
import type { Ports } from '../ports.ts';

/**
 * The model an AI block (agent, LLM) uses: its named provider's, with the block's model when it
 * sets one, else the default provider's. null when that provider is not configured or its
 * settings could not be read: the block then leaves through `error`.
 */
export async function blockModel(
  ports: Ports,
  choice: { provider: string; model: string },
): Promise<LanguageModel | null> {
  if (!(choice.provider || choice.model) || !ports.aiModel) return ports.llm;
  try {
    return await ports.aiModel({ provider: choice.provider, model: choice.model });
  } catch {
    return null;
  }
}
