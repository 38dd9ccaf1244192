import {
  APICallError,
  generateText,
  stepCountIs,
  type LanguageModel,
  type ModelMessage,
  type StopCondition,
  type ToolSet,
} from 'ai';
import type { AgentErrorReason } from '../../shared/flow/nodes/agent.ts';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { splitText } from '../../shared/text/split-text.ts';
import { agentState, emptyAgentState, expired, remember, type AgentState } from '../agent/state.ts';
import { agentTools, asJson, type ToolBox } from '../agent/tools.ts';
import { costOf, limitReached, tokensOf, type Spent } from '../agent/usage.ts';
import type { StepContext } from '../context.ts';
import type { AiRun, AiToolCall } from '../effects.ts';
import type { Executor, Outcome } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import { blockModel } from '../lib/ai-model.ts';
import { formatBRL } from '../lib/money.ts';
import type { InboundContent } from '../events.ts';
import { readContactMedia } from '../intent/contact-media.ts';
import type { MediaFile } from '../ports.ts';

type Node = FlowNodeOf<'agent'>;

const modelName = (m: LanguageModel | null): string => (m && typeof m === 'object' ? m.modelId : (m ?? ''));

function systemPrompt(node: Node, ctx: StepContext, state: AgentState): string {
  const d = node.data;
  const parts = [ctx.render(d.instructions)];
  parts.push(
    '',
    `Você conversa pelo WhatsApp com ${ctx.contact.name || 'o contato'}. Responda em mensagens curtas.`,
    'Use as ferramentas quando precisar agir; não invente preços, produtos nem horários.',
  );
  if (state.cart.length > 0) {
    const lines = state.cart.map((l) => `- ${l.quantity}× ${l.name} (${formatBRL(l.unitPriceCents)}) [${l.productId}]`);
    parts.push('', `Carrinho atual:\n${lines.join('\n')}`);
  }
  if (state.summary) parts.push('', `Resumo do início da conversa:\n${state.summary}`);
  return parts.join('\n');
}

/** What the contact said, as the model reads it; null for content the block cannot use. */
function userText(node: Node, content: InboundContent): string | null {
  if (content.kind === 'text') return content.text;
  // A tapped row or button: the id says which product or slot it was.
  if (content.kind === 'reply') return `${content.title} [${content.id}]`;
  if (content.kind === 'location') return `[localização ${content.latitude}, ${content.longitude}]`;
  if (content.kind === 'media' && content.caption) return `[${content.media}] ${content.caption}`;
  if (content.kind === 'media' && content.media === 'image' && node.data.allowImages) return '[imagem sem legenda]';
  return null;
}

function errorReason(err: unknown, signal: AbortSignal): AgentErrorReason {
  if (signal.aborted) return 'time_limit';
  if (APICallError.isInstance(err) && err.statusCode === 429) return 'rate_limited';
  return 'provider_error';
}

/** Stops a turn's tool loop as soon as the conversation's token or cost budget is spent. */
function budgetStop(node: Node, state: AgentState): StopCondition<ToolSet> {
  return ({ steps }) => {
    const spent = steps.reduce<Spent>(
      (s, step) => {
        const t = tokensOf(step.usage);
        return { inputTokens: s.inputTokens + t.inputTokens, outputTokens: s.outputTokens + t.outputTokens };
      },
      { inputTokens: 0, outputTokens: 0 },
    );
    const totals = {
      tokens: state.tokens + spent.inputTokens + spent.outputTokens,
      costUsd: state.costUsd + costOf(spent, node.data.pricing),
    };
    return limitReached(totals, node.data.limits) !== null;
  };
}

interface TurnResult {
  outcome: Outcome;
  state: AgentState;
}

/** One answer to one message: the model thinks, calls tools, and replies (or leaves the block). */
async function turn(
  node: Node,
  ctx: StepContext,
  before: AgentState,
  said: string,
  image: MediaFile | null = null,
): Promise<TurnResult> {
  const d = node.data;
  const state: AgentState = { ...before, cart: [...before.cart] };
  const model = await blockModel(ctx.ports, d);
  const run: AiRun = {
    nodeId: node.id,
    provider: d.provider,
    model: d.model || modelName(model),
    outcome: 'reply',
    error: null,
    steps: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    toolCalls: [],
  };
  const fail = (reason: AgentErrorReason): TurnResult => {
    ctx.setVariable(d.errorVariable, reason);
    ctx.emit({ type: 'ai_run', run: { ...run, outcome: 'error', error: reason } });
    return { outcome: output('error'), state };
  };

  if (!model) return fail('no_provider');
  const budget = limitReached(state, d.limits);
  if (budget) return fail(budget);
  if (d.limits.maxTurns > 0 && state.turns >= d.limits.maxTurns) return fail('turn_limit');

  const box: ToolBox = { node, ctx, state, exit: null };
  const messages: ModelMessage[] = [
    ...state.memory.map((m): ModelMessage => ({ role: m.role, content: m.text })),
    image
      ? {
          role: 'user',
          content: [
            { type: 'text', text: said },
            { type: 'image', image: image.bytes, mediaType: image.mimeType },
          ],
        }
      : { role: 'user', content: said },
  ];
  const signal = AbortSignal.timeout(d.limits.turnTimeoutMs);
  let result: Awaited<ReturnType<typeof generateText<ToolSet>>>;
  try {
    result = await generateText({
      model,
      system: systemPrompt(node, ctx, state),
      messages,
      tools: agentTools(box),
      temperature: d.temperature,
      stopWhen: [stepCountIs(d.limits.stepsPerTurn), () => box.exit !== null, budgetStop(node, state)],
      // The contact is waiting and the block has an `error` output: no slow backoff retries.
      maxRetries: 0,
      abortSignal: signal,
    });
  } catch (err) {
    return fail(errorReason(err, signal));
  }

  const spent = tokensOf(result.totalUsage);
  run.steps = result.steps.length;
  run.inputTokens = spent.inputTokens;
  run.outputTokens = spent.outputTokens;
  run.costUsd = costOf(spent, d.pricing);
  run.toolCalls = result.steps.flatMap((s) =>
    s.content.flatMap((part): AiToolCall[] => {
      if (part.type === 'tool-result')
        return [{ name: part.toolName, input: asJson(part.input), output: asJson(part.output), error: null }];
      if (part.type === 'tool-error')
        return [{ name: part.toolName, input: asJson(part.input), output: null, error: String(part.error) }];
      return [];
    }),
  );
  state.tokens += spent.inputTokens + spent.outputTokens;
  state.costUsd += run.costUsd;

  const last = result.steps.at(-1);
  if (box.exit === null && last?.finishReason === 'tool-calls') {
    // Still calling tools when a limit stopped it: the budget, or the step limit.
    return fail(limitReached(state, d.limits) ?? 'step_limit');
  }

  const reply = result.text.trim();
  for (const chunk of reply ? splitText(reply) : []) ctx.send({ kind: 'text', text: chunk });
  state.turns += 1;
  state.lastAt = ctx.now.toISOString();
  Object.assign(
    state,
    remember(
      state,
      [{ role: 'user', text: said }, ...(reply ? [{ role: 'assistant' as const, text: reply }] : [])],
      d.memory.historyMessages,
      d.memory.summarize,
    ),
  );
  run.outcome = box.exit ?? 'reply';
  ctx.emit({ type: 'ai_run', run });
  if (box.exit) return { outcome: output(box.exit), state };
  if (d.limits.maxTurns > 0 && state.turns >= d.limits.maxTurns) return { outcome: output('done'), state };
  return { outcome: waitFor('conversation', { state: state as never }), state };
}

/** What the contact said to open the block: their last message when it is the newest thing in the history. */
function opening(ctx: StepContext): string {
  const last = ctx.session.history.at(-1);
  return last?.role === 'contact' ? last.text : '(o contato acabou de chegar; cumprimente e ofereça ajuda)';
}

/**
 * An AI agent: converses and calls the tools the block allows until it is done, hands over,
 * or hits a limit. Its memory, cart and spending live in the waiting state between messages.
 */
export const agent: Executor<'agent'> = {
  async enter(node, ctx) {
    return (await turn(node, ctx, emptyAgentState(), opening(ctx))).outcome;
  },
  async resume(node, ctx, awaiting, input) {
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const d = node.data;
    const media = await readContactMedia(ctx, d.provider, input.content, {
      images: d.allowImages,
      audio: d.allowAudio,
    });
    const said = media.text ?? userText(node, input.content);
    if (said === null) return { type: 'unreadable' };
    let state = agentState.parse(awaiting.state);
    if (expired(state, ctx.now, node.data.memory.expireMinutes)) {
      // Silence for longer than the block allows: a new conversation, with the spending kept.
      state = { ...emptyAgentState(), tokens: state.tokens, costUsd: state.costUsd };
    }
    return (await turn(node, ctx, state, said, media.image)).outcome;
  },
};
