import { optionHandle } from '../../shared/flow/nodes/index.ts';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { choiceMessage, readChoice, type Choice } from '../choice.ts';
import type { StepContext } from '../context.ts';
import { understandChoice } from '../intent/understand-choice.ts';
import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';

type MenuNode = FlowNodeOf<'menu'>;

function choices(node: MenuNode, ctx: StepContext): Choice[] {
  return node.data.options.map((o) => ({
    id: o.id,
    title: ctx.render(o.title),
    ...(o.description ? { description: ctx.render(o.description) } : {}),
    ...(o.synonyms.length > 0 ? { synonyms: o.synonyms } : {}),
  }));
}

function ask(node: MenuNode, ctx: StepContext, page: number): void {
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: ctx.render(node.data.text),
      buttonLabel: node.data.buttonLabel,
      choices: choices(node, ctx),
      page,
      ...(node.data.header ? { header: ctx.render(node.data.header) } : {}),
      ...(node.data.footer ? { footer: ctx.render(node.data.footer) } : {}),
    }),
  );
}

export const menu: Executor<'menu'> = {
  enter(node, ctx) {
    ask(node, ctx, 0);
    const minutes = node.data.timeoutMinutes;
    return waitFor('choice', { timerKey: minutes === null ? null : ctx.startTimer(minutes), state: { page: 0 } });
  },
  async resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const options = choices(node, ctx);
    const answer = await understandChoice(
      ctx,
      node.data.ai,
      options,
      input.content,
      readChoice(node.id, options, input.content),
    );
    if (answer.kind === 'unreadable') return { type: 'unreadable' };
    if (answer.kind === 'page') {
      ask(node, ctx, answer.page);
      return { type: 'wait', awaiting: { ...awaiting, state: { page: answer.page } } };
    }
    if (answer.kind === 'choice') {
      const title = options.find((o) => o.id === answer.id)?.title ?? '';
      if (node.data.variable) ctx.setVariable(node.data.variable, title);
      ctx.setLastAnswer(title);
      return output(optionHandle(answer.id));
    }
    if (awaiting.retries >= node.data.retries) return output('invalid');
    ctx.send({ kind: 'text', text: ctx.render(node.data.retryMessage) });
    ask(node, ctx, 0);
    return { type: 'wait', awaiting: { ...awaiting, retries: awaiting.retries + 1, state: { page: 0 } } };
  },
};
