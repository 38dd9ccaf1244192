import { generateText, Output, type LanguageModel } from 'ai';
import { z } from 'zod';
import type { UnderstandAi } from '../../shared/flow/nodes/understand-ai.ts';
import type { Choice } from '../choice.ts';
import type { StepContext } from '../context.ts';
import type { AiRun } from '../effects.ts';
import type { Ports } from '../ports.ts';

/** The contact is waiting on a menu: a classification that takes longer is given up. */
const classifyTimeoutMs = 10_000;
const noOption = 'nenhuma';

/** The block's model: its named provider's when the port exists, else the default one. */
export async function modelOf(ports: Ports, ai: Pick<UnderstandAi, 'provider' | 'model'>) {
  if (!ports.aiModel) return ports.llm;
  try {
    return await ports.aiModel({ provider: ai.provider, model: ai.model });
  } catch {
    return null; // the settings could not be read: no classification, the block re-asks
  }
}

const modelName = (m: LanguageModel): string => (typeof m === 'object' ? m.modelId : m);

function instructions(options: readonly Choice[]): string {
  const lines = options.map((o) => `- ${o.id}: ${o.title}${o.description ? ` (${o.description})` : ''}`);
  return [
    'Você classifica a resposta de um contato do WhatsApp a um menu de opções.',
    'Escolha a opção que o contato quis dizer, pelo id, com a confiança de 0 a 1.',
    `Se a resposta não escolhe nenhuma opção, ou pode ser mais de uma, responda "${noOption}".`,
    '',
    'Opções:',
    ...lines,
  ].join('\n');
}

/**
 * The option a free answer means, by an AI model (structured output), or null: no model, a
 * provider error or timeout, "none", or a confidence under the block's threshold. Never throws;
 * every call is recorded as an `ai_run` with its tokens.
 */
export async function classifyAnswer(
  ctx: StepContext,
  ai: UnderstandAi,
  said: string,
  options: readonly Choice[],
): Promise<string | null> {
  const [first, ...rest] = options.map((o) => o.id);
  if (!ai.enabled || first === undefined || said.trim() === '') return null;
  const model = await modelOf(ctx.ports, ai);
  if (!model) return null;
  const run: AiRun = {
    nodeId: ctx.nodeId,
    provider: ai.provider,
    model: ai.model || modelName(model),
    outcome: 'unmatched',
    error: null,
    steps: 1,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    toolCalls: [],
  };
  const schema = z.object({
    option: z.enum([first, ...rest, noOption]),
    confidence: z.number().min(0).max(1),
  });
  try {
    const result = await generateText({
      model,
      system: instructions(options),
      prompt: said.slice(0, 2000),
      temperature: 0,
      output: Output.object({ schema }),
      // A contact is waiting and the block re-asks without it: no slow backoff retries.
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(classifyTimeoutMs),
    });
    run.inputTokens = result.totalUsage.inputTokens ?? 0;
    run.outputTokens = result.totalUsage.outputTokens ?? 0;
    const { option, confidence } = result.output;
    const picked = option !== noOption && confidence >= ai.threshold ? option : null;
    run.outcome = picked === null ? 'unmatched' : 'classified';
    run.toolCalls = [{ name: 'classify', input: said, output: { option, confidence }, error: null }];
    ctx.emit({ type: 'ai_run', run });
    return picked;
  } catch (err) {
    ctx.emit({ type: 'ai_run', run: { ...run, outcome: 'error', error: errorText(err) } });
    return null;
  }
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 500);
