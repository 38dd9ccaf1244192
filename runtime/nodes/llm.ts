import { generateText, Output, type ModelMessage } from 'ai';
import { z } from 'zod';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import type { StepContext } from '../context.ts';
import type { Executor, Outcome } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import { blockModel } from '../lib/ai-model.ts';
import { splitText } from '../../shared/text/split-text.ts';
import { readContactMedia, type ContactMedia } from '../intent/contact-media.ts';

export const llmAnswer = z.object({
  reply: z.string(),
  score: z.number().min(0).max(1),
  route: z.enum(['continue', 'done', 'escalate']),
  variables: z.record(z.string(), z.string()),
});

const turnState = z.object({ turns: z.number().int().min(0).catch(0) });

function systemPrompt(node: FlowNodeOf<'llm'>, ctx: StepContext): string {
  const vars = node.data.variables;
  const wanted = vars.length === 0 ? 'none' : vars.map((v) => `- ${v.name}: ${v.description}`).join('\n');
  return [
    ctx.render(node.data.systemPrompt),
    '',
    'Answer with `reply` (the message to the contact), `score` (0 to 1, how qualified or urgent the contact is),',
    '`route` ("continue" to keep talking, "done" when the goal is reached, "escalate" to call a human)',
    `and \`variables\` with what you learned for these keys only:\n${wanted}`,
  ].join('\n');
}

async function converse(
  node: FlowNodeOf<'llm'>,
  ctx: StepContext,
  turns: number,
  latest: ContactMedia | null = null,
): Promise<Outcome> {
  const d = node.data;
  const model = await blockModel(ctx.ports, d);
  if (!model) return output('error');
  const messages: ModelMessage[] = (d.historyMessages === 0 ? [] : ctx.session.history.slice(-d.historyMessages)).map(
    (h) => ({ role: h.role === 'contact' ? ('user' as const) : ('assistant' as const), content: h.text }),
  );
  // The message just received, as the model should see it: a voice note's words, a picture's pixels.
  const last = messages.at(-1);
  if (latest && last?.role === 'user') {
    const text = latest.text ?? String(last.content);
    messages[messages.length - 1] = latest.image
      ? {
          role: 'user',
          content: [
            { type: 'text', text },
            { type: 'image', image: latest.image.bytes, mediaType: latest.image.mimeType },
          ],
        }
      : { role: 'user', content: text };
  }
  let answer: z.infer<typeof llmAnswer>;
  try {
    const result = await generateText({
      model,
      system: systemPrompt(node, ctx),
      ...(messages.length > 0 ? { messages } : { prompt: 'Comece a conversa.' }),
      temperature: d.temperature,
      output: Output.object({ schema: llmAnswer }),
      // The contact is waiting and the flow has an `error` branch: no slow backoff retries.
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(d.timeoutMs),
    });
    answer = result.output;
  } catch {
    return output('error');
  }
  for (const chunk of splitText(answer.reply.trim())) ctx.send({ kind: 'text', text: chunk });
  ctx.setVariable(d.scoreVariable, answer.score);
  for (const v of d.variables) {
    const value = answer.variables[v.name];
    if (value !== undefined) ctx.setVariable(v.name, value);
  }
  const turn = turns + 1;
  if (answer.route === 'escalate' || answer.score >= d.escalateThreshold) return output('escalate');
  if (answer.route === 'done' || (d.maxTurns > 0 && turn >= d.maxTurns)) return output('next');
  return waitFor('conversation', { state: { turns: turn } });
}

/** A conversation loop: replies on entry and on every message until done, escalated or out of turns. */
export const llm: Executor<'llm'> = {
  enter: (node, ctx) => converse(node, ctx, 0),
  async resume(node, ctx, awaiting, input) {
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const c = input.content.kind;
    const { allowImages, allowAudio } = node.data;
    const media = await readContactMedia(ctx, '', input.content, { images: allowImages, audio: allowAudio });
    if (c !== 'text' && c !== 'reply' && !media.text && !media.image) return { type: 'unreadable' };
    return converse(node, ctx, turnState.parse(awaiting.state).turns, media);
  },
};
