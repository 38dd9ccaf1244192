import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import type { StepContext } from '../context.ts';
import type { InboundContent } from '../events.ts';
import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import { classifyAnswer } from '../intent/classify.ts';
import { transcribeVoice } from '../intent/transcribe-voice.ts';
import { validateAnswer, type AnswerResult } from '../lib/validate-answer.ts';
import { typedText } from '../text.ts';
import { formatValue } from '../../shared/template/render.ts';
import type { Json } from '../session.ts';
import { replyId } from '../choice.ts';

// Content nobody can answer a question with; anything else goes to the validator.
const unreadable = new Set(['unsupported', 'reaction']);

type QuestionNode = FlowNodeOf<'question'>;

function validate(node: QuestionNode, ctx: StepContext, content: InboundContent): AnswerResult {
  return validateAnswer(node.data.kind, content, {
    min: node.data.min,
    max: node.data.max,
    futureOnly: node.data.futureOnly,
    now: ctx.now,
    timeZone: ctx.ports.clock.timeZone,
  });
}

/**
 * With "Entender com IA": a voice note is transcribed and validated as typed text, and a yes/no
 * answer still not understood ("acho que sim, pode marcar") is classified. Null: no better reading.
 */
async function understand(node: QuestionNode, ctx: StepContext, content: InboundContent): Promise<AnswerResult | null> {
  const ai = node.data.ai;
  if (!ai.enabled) return null;
  const spoken = await transcribeVoice(ctx, ai.provider, content);
  if (spoken !== null) {
    const heard = validate(node, ctx, { kind: 'text', text: spoken });
    if (heard.ok) return heard;
  }
  const said = spoken ?? typedText(content);
  if (node.data.kind !== 'yes_no' || said === null) return null;
  const yesNo = [
    { id: 'yes', title: 'Sim' },
    { id: 'no', title: 'Não' },
  ];
  const picked = await classifyAnswer(ctx, ai, said, yesNo);
  return picked === null ? null : { ok: true, value: picked === 'yes' };
}

export const question: Executor<'question'> = {
  enter(node, ctx) {
    const text = ctx.render(node.data.text);
    if (node.data.kind === 'yes_no') {
      // Buttons save typing; a typed "sim"/"não" is validated the same way.
      ctx.send({
        kind: 'buttons',
        body: text,
        buttons: [
          { id: replyId(node.id, 'yes'), title: 'Sim' },
          { id: replyId(node.id, 'no'), title: 'Não' },
        ],
      });
    } else {
      ctx.send({ kind: 'text', text });
    }
    const minutes = node.data.timeoutMinutes;
    return waitFor('answer', { timerKey: minutes === null ? null : ctx.startTimer(minutes) });
  },
  async resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const raw = input.content;
    if (unreadable.has(raw.kind)) return { type: 'unreadable' };
    // A tapped button is validated as the text of its title.
    const content = raw.kind === 'reply' ? { kind: 'text' as const, text: raw.title } : raw;
    const first = validate(node, ctx, content);
    const result = first.ok ? first : ((await understand(node, ctx, content)) ?? first);
    if (result.ok) {
      const name = node.data.variable;
      ctx.setVariable(name, result.value as Json);
      for (const [suffix, value] of Object.entries(result.extra ?? {})) ctx.setVariable(`${name}${suffix}`, value);
      ctx.setLastAnswer(formatValue(result.value));
      return output('next');
    }
    if (awaiting.retries >= node.data.retries) return output('invalid');
    ctx.send({ kind: 'text', text: ctx.render(node.data.retryMessage) });
    return { type: 'wait', awaiting: { ...awaiting, retries: awaiting.retries + 1 } };
  },
};
