import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { Config } from '../env.ts';

/** The LLM nodes' model from AI_BASE_URL/AI_MODEL, or null (LLM nodes take `error`). */
export function createLlmModel(config: Config): LanguageModel | null {
  if (!config.ai) return null;
  const provider = createOpenAICompatible({
    name: 'fluxo-llm', baseURL: config.ai.baseUrl, apiKey: config.ai.apiKey, supportsStructuredOutputs: true,
  });
  return provider(config.ai.model);
}
