import type { LanguageModel } from 'ai';
import type { SecretBox } from '../auth/secret-box.ts';
import type { AppDeps } from '../context.ts';
import type { Db } from '../db/database.ts';
import { findDefaultAiProvider } from '../db/queries/ai-providers.ts';
import type { Config } from '../env.ts';
import type { Logger } from '../logger.ts';
import { createLlmModel, openAiCompatibleModel } from './llm-model.ts';

/**
 * The model LLM blocks use: the default provider stored in the settings, else AI_BASE_URL/
 * AI_MODEL. Read from the database at most once per `ttlMs`, so a provider changed on another
 * instance is used here within seconds; a change made through this process calls `invalidate`
 * and is used at once.
 */
export interface LlmSource {
  /** The model as last read (the engine's port is synchronous); starts a re-read when stale. */
  current(): LanguageModel | null;
  /** The model, re-read first when the last read is older than the TTL (before each batch). */
  fresh(): Promise<LanguageModel | null>;
  /** Forgets the last read: the next `fresh()` reads the database again. */
  invalidate(): void;
}

export interface LlmSourceOptions {
  db: Db;
  secrets: SecretBox;
  config: Config;
  logger: Logger;
  now: () => number;
  ttlMs?: number;
}

export function createLlmSource({ db, secrets, config, logger, now, ttlMs = 5_000 }: LlmSourceOptions): LlmSource {
  const fromEnvironment = createLlmModel(config);
  let model: LanguageModel | null = fromEnvironment;
  /** Identifies the stored provider `model` was built from, so an unchanged one is not rebuilt. */
  let builtFrom = '';
  let readAt: number | null = null;
  let reading: Promise<LanguageModel | null> | null = null;
  /** Bumped by `invalidate`: a read that started before a change must not count as fresh. */
  let generation = 0;

  async function read(): Promise<LanguageModel | null> {
    const started = generation;
    try {
      const row = await findDefaultAiProvider(db);
      const signature = row ? [row.id, row.base_url, row.model, row.api_key_enc ?? ''].join('|') : '';
      if (started === generation && signature !== builtFrom) {
        model = row
          ? openAiCompatibleModel({
              baseUrl: row.base_url,
              apiKey: row.api_key_enc ? secrets.open(row.api_key_enc) : undefined,
              model: row.model,
            })
          : fromEnvironment;
        builtFrom = signature;
      }
    } catch (err) {
      // A database hiccup must not take AI away from conversations: keep the last model.
      logger.warn('could not read the AI provider; keeping the last one', { err });
    }
    if (started === generation) readAt = now();
    return model;
  }

  const stale = () => readAt === null || now() - readAt >= ttlMs;
  const fresh = () => {
    if (!stale()) return Promise.resolve(model);
    if (!reading) {
      const current = read().finally(() => {
        if (reading === current) reading = null;
      });
      reading = current;
    }
    return reading;
  };
  return {
    current() {
      if (stale()) void fresh();
      return model;
    },
    fresh,
    invalidate() {
      generation += 1;
      readAt = null;
      reading = null;
    },
  };
}

/** The app's source, built on first use from its dependencies when none was passed in. */
export function llmSourceOf(deps: AppDeps): LlmSource {
  deps.llm ??= createLlmSource({ ...deps, now: () => deps.clock.now().getTime() });
  return deps.llm;
}
