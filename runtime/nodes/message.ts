import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { quickReplies } from '../../shared/flow/nodes/message-template.ts';
import { optionHandle, windowClosedOutput } from '../../shared/flow/nodes/outputs.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { splitText } from '../../shared/text/split-text.ts';
import { readChoice } from '../choice.ts';
import type { StepContext } from '../context.ts';
import { templateMessage } from './message-template.ts';

type MessageNode = FlowNodeOf<'message'>;

/**
 * Text first (split at 4096 on word boundaries), then the media with its caption. A block
 * with a template sends it instead: always, or only when the 24-hour window is closed (its
 * fallback). A free-form block with the window closed leaves through `window_closed`.
 */
export const message: Executor<'message'> = {
  enter(node, ctx) {
    const { template, templateWhen } = node.data;
    if (template && (templateWhen === 'always' || !ctx.windowOpen())) {
      // A campaign that sent this very template already started the conversation with it.
      const alreadySent = templateWhen === 'always' && ctx.takeCampaignOpening();
      if (!alreadySent) ctx.send(templateMessage(node.id, template, ctx));
      if (templateWhen === 'window_closed' || quickReplies(template).length === 0) return output('next');
      const minutes = node.data.timeoutMinutes;
      return waitFor('choice', { timerKey: minutes === null ? null : ctx.startTimer(minutes) });
    }
    if (!ctx.windowOpen()) return output(windowClosedOutput);
    sendFreeForm(node, ctx);
    return output('next');
  },
  /** Only a template with quick replies waits: a tap (or its title typed) takes that reply's output. */
  resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const choices = quickReplies(node.data.template ?? { buttons: [] }).map((b) => ({ id: b.id, title: b.title }));
    const answer = readChoice(node.id, choices, input.content);
    if (answer.kind !== 'choice') return output('invalid');
    const title = choices.find((c) => c.id === answer.id)?.title ?? '';
    ctx.setLastAnswer(title);
    return output(optionHandle(answer.id));
  },
};

function sendFreeForm(node: MessageNode, ctx: StepContext): void {
  const text = ctx.render(node.data.text).trim();
  for (const chunk of splitText(text)) ctx.send({ kind: 'text', text: chunk });
  const media = node.data.media;
  if (!media) return;
  const url = ctx.render(media.url).trim();
  const caption = media.caption && media.kind !== 'audio' ? ctx.render(media.caption).trim() : '';
  if (url === '') return;
  ctx.send({
    kind: 'media',
    media: media.kind,
    url,
    ...(caption ? { caption: truncate(caption, whatsappLimits.caption) } : {}),
    ...(media.filename ? { filename: media.filename } : {}),
  });
}
