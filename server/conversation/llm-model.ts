import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { Config } from '../env.ts';

export interface OpenAiCompatibleProvider {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
}

/** A model of an OpenAI-compatible provider (OpenAI, OpenRouter, Groq, a local Ollama…). */
export function openAiCompatibleModel(p: OpenAiCompatibleProvider): LanguageModel {
  const provider = createOpenAICompatible({
    name: 'fluxo-llm',
    baseURL: p.baseUrl,
    apiKey: p.apiKey,
    supportsStructuredOutputs: true,
  });
  return provider(p.model);
}

/** The LLM nodes' model from AI_BASE_URL/AI_MODEL, or null (LLM nodes take `error`). */
export function createLlmModel(config: Config): LanguageModel | null {
  return config.ai ? openAiCompatibleModel(config.ai) : null;
}
