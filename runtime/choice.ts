import type { InboundContent } from './events.ts';
import { matchOption } from './lib/match-option.ts';
import type { OutboundMessage } from './messages.ts';
import { whatsappLimits as limits } from '../shared/whatsapp-limits.ts';
import { truncate } from '../shared/text/truncate.ts';
import { typedText } from './text.ts';

export const moreTitle = 'Mais opções ➡️';
/** A page of a long list shows this many options plus the "more" row. */
export const pageSize = 9;

export interface Choice {
  id: string;
  title: string;
  description?: string;
  /** Other words a typed answer may use for this choice (never sent). */
  synonyms?: readonly string[];
}

export interface ChoicePrompt {
  /** Prefix of every reply id, so a tap on an old message is recognisable. */
  nodeId: string;
  body: string;
  header?: string;
  footer?: string;
  buttonLabel: string;
  choices: Choice[];
  page: number;
}

export const replyId = (nodeId: string, choiceId: string) => `${nodeId}:${choiceId}`;
const moreId = (nodeId: string, page: number) => `${nodeId}:more:${page}`;

export function pageCount(total: number): number {
  return total <= limits.listRows ? 1 : Math.ceil((total - 1) / pageSize);
}

/** ≤ 3 choices as reply buttons, ≤ 10 as one list, more as pages of 9 plus "Mais opções". */
export function choiceMessage(p: ChoicePrompt): OutboundMessage {
  const body = truncate(p.body, limits.interactiveBody);
  const footer = p.footer ? truncate(p.footer, limits.footer) : undefined;
  // WhatsApp rejects an interactive message without options; publish validation should stop this first.
  if (p.choices.length === 0) return { kind: 'text', text: p.body };
  if (p.choices.length <= limits.replyButtons) {
    return {
      kind: 'buttons',
      body,
      footer,
      header: p.header ? { kind: 'text', text: truncate(p.header, limits.header) } : undefined,
      buttons: p.choices.map((c) => ({ id: replyId(p.nodeId, c.id), title: truncate(c.title, limits.buttonTitle) })),
    };
  }
  const pages = pageCount(p.choices.length);
  const page = Math.min(Math.max(p.page, 0), pages - 1);
  const last = page === pages - 1;
  const slice = pages === 1 ? p.choices : p.choices.slice(page * pageSize, last ? undefined : (page + 1) * pageSize);
  const rows = slice.map((c) => ({
    id: replyId(p.nodeId, c.id),
    title: truncate(c.title, limits.rowTitle),
    ...(c.description ? { description: truncate(c.description, limits.rowDescription) } : {}),
  }));
  if (!last) rows.push({ id: moreId(p.nodeId, page + 1), title: moreTitle });
  return {
    kind: 'list',
    body,
    footer,
    header: p.header ? truncate(p.header, limits.header) : undefined,
    buttonLabel: truncate(p.buttonLabel, limits.listButtonLabel),
    sections: [{ rows }],
  };
}

export type ChoiceAnswer =
  { kind: 'choice'; id: string } | { kind: 'page'; page: number } | { kind: 'none' } | { kind: 'unreadable' };

/** Reads a tap (by id, then by title) or a typed number/title against the choices. */
export function readChoice(nodeId: string, choices: Choice[], content: InboundContent): ChoiceAnswer {
  if (content.kind === 'reply') {
    const prefix = `${nodeId}:`;
    if (content.id.startsWith(prefix)) {
      const rest = content.id.slice(prefix.length);
      const more = /^more:(\d+)$/.exec(rest);
      if (more) return { kind: 'page', page: Number(more[1]) };
      if (choices.some((c) => c.id === rest)) return { kind: 'choice', id: rest };
    }
  }
  const text = typedText(content);
  if (text === null) return { kind: 'unreadable' };
  const id = matchOption(text, choices, { loose: content.kind === 'text' });
  return id === null ? { kind: 'none' } : { kind: 'choice', id };
}
