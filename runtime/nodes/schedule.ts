import type { AgendaRules } from '../../shared/agenda/agenda.ts';
import type { Slot } from '../../shared/agenda/slots.ts';
import type { FlowNodeOf } from '../../shared/flow/schema.ts';
import { bookingDate, bookingVariable, daySlots, hourLabel, openDays, dateLabel, type OpenDay } from '../agenda.ts';
import { choiceMessage, readChoice, type Choice } from '../choice.ts';
import type { StepContext } from '../context.ts';
import type { Executor, Outcome } from '../executor.ts';
import { output } from '../executor.ts';
import { parseDateBR } from '../lib/date-br.ts';
import { normalizeText } from '../lib/normalize.ts';
import { parseWeekdayBR } from '../lib/weekday-br.ts';
import type { Awaiting } from '../session.ts';
import { typedText } from '../text.ts';

type ScheduleNode = FlowNodeOf<'schedule'>;

/** Where the contact is: deciding about a booking they hold, picking a day, or a slot of `date`. */
interface Progress {
  stage: 'manage' | 'day' | 'slot';
  date: string | null;
  /** The booking a reschedule replaces, cancelled once the new one is made. */
  replacing: string | null;
  /** The current page of a long slot list. */
  page: number;
}

const otherDay = 'other-day';
const shortWeekdays = ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'];
const manageChoices: Choice[] = [
  { id: 'keep', title: 'Manter' },
  { id: 'reschedule', title: 'Remarcar' },
  { id: 'cancel', title: 'Cancelar' },
];

function progressOf(awaiting: Awaiting): Progress {
  const s = awaiting.state;
  return {
    stage: s.stage === 'manage' || s.stage === 'slot' ? s.stage : 'day',
    date: typeof s.date === 'string' ? s.date : null,
    replacing: typeof s.replacing === 'string' ? s.replacing : null,
    page: typeof s.page === 'number' ? s.page : 0,
  };
}

function waiting(awaiting: Awaiting, progress: Progress, retries = awaiting.retries): Outcome {
  return { type: 'wait', awaiting: { ...awaiting, retries, state: { ...progress } } };
}

async function loadRules(node: ScheduleNode, ctx: StepContext): Promise<AgendaRules | null> {
  return node.data.agendaId ? ctx.ports.agenda.rules(node.data.agendaId) : null;
}

/** A listed day: "sex 27/11", with how many slots are free. */
function dayChoices(days: OpenDay[]): Choice[] {
  return days.map((d) => {
    const weekday = shortWeekdays[new Date(`${d.date}T12:00:00Z`).getUTCDay()] ?? '';
    const n = d.slots.length;
    return {
      id: d.date,
      title: `${weekday} ${dateLabel(d.date).slice(0, 5)}`,
      description: `${n} ${n === 1 ? 'horário livre' : 'horários livres'}`,
    };
  });
}

/** Lists the next days with free slots; false when there are none in the whole horizon. */
async function askDay(node: ScheduleNode, ctx: StepContext, rules: AgendaRules): Promise<boolean> {
  const days = await openDays(ctx.ports, node.data.agendaId, rules, node.data.daysOffered);
  if (days.length === 0) return false;
  ctx.send(
    choiceMessage({
      nodeId: node.id,
      body: ctx.render(node.data.dayText),
      buttonLabel: 'Ver dias',
      choices: dayChoices(days),
      page: 0,
    }),
  );
  return true;
}

function slotChoices(slots: Slot[]): Choice[] {
  return [...slots.map((s) => ({ id: s.startsAt, title: hourLabel(s.time) })), { id: otherDay, title: 'Outro dia' }];
}

function askSlot(node: ScheduleNode, ctx: StepContext, slots: Slot[], page: number): void {
  const body = ctx.render(node.data.slotText);
  ctx.send(choiceMessage({ nodeId: node.id, body, buttonLabel: 'Ver horários', choices: slotChoices(slots), page }));
}

/** A typed day: a date ("21/03", "amanhã") or a weekday ("sexta"), as the next such day. */
function typedDay(text: string, ctx: StepContext, open: string[]): string | null {
  const zone = ctx.ports.clock.timeZone;
  const parsed = parseDateBR(text, ctx.now, zone);
  if (parsed) return parsed.date;
  const weekday = parseWeekdayBR(text);
  if (weekday === null) return null;
  return open.find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === weekday) ?? '';
}

/** "10h30", "10:30", "10h", "10" against the day's slots. */
function typedSlot(text: string, slots: Slot[]): Slot | null {
  const m = /^(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?\s*(?:h|hs|horas)?$/u.exec(normalizeText(text));
  if (!m) return null;
  const time = `${m[1]?.padStart(2, '0')}:${m[2] ?? '00'}`;
  return slots.find((s) => s.time === time) ?? null;
}

async function pickDay(
  node: ScheduleNode,
  ctx: StepContext,
  rules: AgendaRules,
  awaiting: Awaiting,
  progress: Progress,
  date: string | null,
): Promise<Outcome> {
  const slots = date ? await daySlots(ctx.ports, node.data.agendaId, rules, date) : [];
  if (date && slots.length > 0) {
    ctx.setVariable(node.data.variable, bookingVariable(ctx.ports, date, null));
    askSlot(node, ctx, slots, 0);
    return waiting(awaiting, { ...progress, stage: 'slot', date, page: 0 }, 0);
  }
  if (awaiting.retries >= node.data.retries) return output('none');
  const text = ctx.render(date === null ? node.data.dayText : node.data.unavailableText).trim();
  if (date !== null && text) ctx.send({ kind: 'text', text });
  if (!(await askDay(node, ctx, rules))) return full(node, ctx);
  return waiting(awaiting, { ...progress, stage: 'day', date: null }, awaiting.retries + 1);
}

function full(node: ScheduleNode, ctx: StepContext): Outcome {
  const text = ctx.render(node.data.fullText).trim();
  if (text) ctx.send({ kind: 'text', text });
  return output('none');
}

async function book(node: ScheduleNode, ctx: StepContext, progress: Progress, slot: Slot): Promise<Outcome | null> {
  const booking = await ctx.ports.agenda.book({
    agendaId: node.data.agendaId,
    startsAt: slot.startsAt,
    contact: { name: ctx.contact.name, phone: ctx.contact.phone },
  });
  if (!booking) return null;
  if (progress.replacing && progress.replacing !== booking.id)
    await ctx.ports.agenda.cancel(progress.replacing, ctx.contact.phone);
  ctx.setVariable(node.data.variable, bookingVariable(ctx.ports, slot.date, booking));
  ctx.send({ kind: 'text', text: ctx.render(node.data.confirmText) });
  return output('booked');
}

export const schedule: Executor<'schedule'> = {
  async enter(node, ctx) {
    const rules = await loadRules(node, ctx);
    if (!rules) return full(node, ctx);
    const timerKey = node.data.timeoutMinutes === null ? null : ctx.startTimer(node.data.timeoutMinutes);
    const awaiting: Awaiting = { kind: 'booking', retries: 0, timerKey, state: {} };
    const held = await ctx.ports.agenda.upcoming(node.data.agendaId, ctx.contact.phone);
    if (held) {
      ctx.setVariable(node.data.variable, bookingVariable(ctx.ports, bookingDate(ctx.ports, held), held));
      ctx.send(
        choiceMessage({
          nodeId: node.id,
          body: ctx.render(node.data.manageText),
          buttonLabel: 'Opções',
          choices: manageChoices,
          page: 0,
        }),
      );
      return waiting(awaiting, { stage: 'manage', date: null, replacing: held.id, page: 0 });
    }
    if (!(await askDay(node, ctx, rules))) return full(node, ctx);
    return waiting(awaiting, { stage: 'day', date: null, replacing: null, page: 0 });
  },

  async resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const rules = await loadRules(node, ctx);
    if (!rules) return full(node, ctx);
    const progress = progressOf(awaiting);
    const text = typedText(input.content);

    if (progress.stage === 'manage') {
      const answer = readChoice(node.id, manageChoices, input.content);
      if (answer.kind === 'unreadable') return { type: 'unreadable' };
      if (answer.kind === 'choice' && answer.id === 'keep') return output('booked');
      if (answer.kind === 'choice' && answer.id === 'cancel') {
        if (progress.replacing) await ctx.ports.agenda.cancel(progress.replacing, ctx.contact.phone);
        const done = ctx.render(node.data.cancelledText).trim();
        if (done) ctx.send({ kind: 'text', text: done });
        return output('cancelled');
      }
      if (answer.kind === 'choice') {
        if (!(await askDay(node, ctx, rules))) return full(node, ctx);
        return waiting(awaiting, { ...progress, stage: 'day' }, 0);
      }
      if (awaiting.retries >= node.data.retries) return output('none');
      ctx.send(
        choiceMessage({
          nodeId: node.id,
          body: ctx.render(node.data.manageText),
          buttonLabel: 'Opções',
          choices: manageChoices,
          page: 0,
        }),
      );
      return waiting(awaiting, progress, awaiting.retries + 1);
    }

    if (progress.stage === 'day') {
      if (text === null) return { type: 'unreadable' };
      const open = await openDays(ctx.ports, node.data.agendaId, rules, rules.horizonDays);
      // A tap, or a typed row number or title ("1", "sex 27/11"), of the days listed; else a typed date.
      const listed = dayChoices(open.slice(0, node.data.daysOffered));
      const typed =
        input.content.kind === 'reply'
          ? null
          : typedDay(
              text,
              ctx,
              open.map((d) => d.date),
            );
      if (typed !== null) return pickDay(node, ctx, rules, awaiting, progress, typed);
      const answer = readChoice(node.id, listed, input.content);
      if (answer.kind === 'choice') return pickDay(node, ctx, rules, awaiting, progress, answer.id);
      // A tap on a day that filled up since the list was sent: say so, rather than "not understood".
      const tapped = input.content.kind === 'reply' ? input.content.id.slice(node.id.length + 1) : '';
      return pickDay(node, ctx, rules, awaiting, progress, /^\d{4}-\d{2}-\d{2}$/u.test(tapped) ? tapped : null);
    }

    // Picking a slot of `progress.date`: the slots are read again, as others may have booked meanwhile.
    const date = progress.date ?? '';
    const slots = await daySlots(ctx.ports, node.data.agendaId, rules, date);
    const answer = readChoice(node.id, slotChoices(slots), input.content);
    if (answer.kind === 'unreadable') return { type: 'unreadable' };
    if (answer.kind === 'page') {
      askSlot(node, ctx, slots, answer.page);
      return waiting(awaiting, { ...progress, page: answer.page });
    }
    if (answer.kind === 'choice' && answer.id === otherDay) {
      if (!(await askDay(node, ctx, rules))) return full(node, ctx);
      return waiting(awaiting, { ...progress, stage: 'day', date: null }, 0);
    }
    // A typed time ("10", "10h30") wins over a row number: "10" means ten o'clock, not the tenth row.
    const typedTime = input.content.kind === 'text' ? typedSlot(input.content.text, slots) : null;
    const slot =
      typedTime ??
      (answer.kind === 'choice' ? (slots.find((s) => s.startsAt === answer.id) ?? null) : typedSlot(text ?? '', slots));
    if (slot) {
      const booked = await book(node, ctx, progress, slot);
      if (booked) return booked;
    }
    const tappedGone = input.content.kind === 'reply' && slot === null;
    if (!slot && !tappedGone && awaiting.retries >= node.data.retries) return output('none');
    const fresh = slot || tappedGone ? await daySlots(ctx.ports, node.data.agendaId, rules, date) : slots;
    ctx.send({ kind: 'text', text: ctx.render(node.data.takenText) });
    if (fresh.length === 0) {
      if (!(await askDay(node, ctx, rules))) return full(node, ctx);
      return waiting(awaiting, { ...progress, stage: 'day', date: null }, awaiting.retries);
    }
    askSlot(node, ctx, fresh, 0);
    return waiting(awaiting, { ...progress, page: 0 }, slot || tappedGone ? awaiting.retries : awaiting.retries + 1);
  },
};
