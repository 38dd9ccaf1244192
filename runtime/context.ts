import { serviceWindow } from '../shared/whatsapp/service-window.ts';
import type { FlowDocument } from '../shared/flow/schema.ts';
import { textOf } from '../shared/messages/outbound.ts';
import { renderTemplate } from '../shared/template/render.ts';
import { defaultBusinessHours, defaultTimeZone } from '../shared/api/settings.ts';
import { formatNow, formatToday } from './builtins.ts';
import { isWithinBusinessHours } from './lib/business-hours.ts';
import type { Effect } from './effects.ts';
import type { OutboundMessage } from './messages.ts';
import type { Ports } from './ports.ts';
import { appendHistory, type Json, type SessionState } from './session.ts';

export interface Contact {
  name: string;
  phone: string;
  /** The channel the contact writes to; absent in the simulator and flow tests. */
  channelId?: string | null;
}

/**
 * What an executor may read and do during one step. It works on the step's own copy of
 * the session, so the caller's session object is never mutated.
 */
export class StepContext {
  readonly effects: Effect[] = [];
  readonly now: Date;
  /**
   * When the contact last wrote: null when never; undefined when the caller does not know
   * (the window is then taken as open, as before the engine knew about it).
   */
  lastInboundAt: Date | null | undefined = undefined;
  // Intl formatting is the slowest part of rendering; the clock is fixed within a step.
  private builtins: { now: string; today: string; dentro_do_horario: 'sim' | 'não' } | null = null;

  constructor(
    readonly session: SessionState,
    readonly ports: Ports,
    readonly contact: Contact,
    readonly flow: FlowDocument,
    public nodeId: string,
  ) {
    this.now = ports.clock.now();
  }

  /** Variables plus built-ins, as templates see them. User variables cannot shadow built-ins. */
  scope(): Record<string, unknown> {
    const zone = this.ports.clock.timeZone;
    this.builtins ??= {
      now: formatNow(this.now, zone),
      today: formatToday(this.now, zone),
      // "sim" or "não", for a condition rule (`dentro_do_horario` equals `sim`) or a message.
      dentro_do_horario: isWithinBusinessHours(
        this.now,
        this.ports.clock.businessHours ?? defaultBusinessHours,
        zone ?? defaultTimeZone,
      )
        ? 'sim'
        : 'não',
    };
    return {
      ...this.session.variables,
      contact: { name: this.contact.name, phone: this.contact.phone },
      ...this.builtins,
      last_answer: this.session.lastAnswer,
    };
  }

  render(template: string): string {
    // Most texts have no placeholder: skip building the scope for them.
    return template.includes('{{') ? renderTemplate(template, this.scope()) : template;
  }

  /** Meta's customer-service window: free-form messages only within 24 h of the contact's last message. */
  windowOpen(): boolean {
    if (this.lastInboundAt === undefined) return true;
    return serviceWindow(this.lastInboundAt, this.now).open;
  }

  /**
   * True once, at the flow's first template block, when a campaign started the flow after sending
   * its own template (`campaignOpeningVariable` holds that template's name): the campaign's
   * template is the conversation's opening, so the block waits for the reply without sending a
   * second one (the "the flow takes over when a recipient replies").
   */
  takeCampaignOpening(): boolean {
    if (typeof this.session.variables[campaignOpeningVariable] !== 'string') return false;
    const { [campaignOpeningVariable]: _sent, ...rest } = this.session.variables;
    this.session.variables = rest;
    return true;
  }

  setVariable(name: string, value: Json): void {
    this.session.variables = { ...this.session.variables, [name]: value };
  }

  setLastAnswer(text: string): void {
    this.session.lastAnswer = text;
  }

  send(message: OutboundMessage): void {
    // A last guard (goodbyes, handoff notices): Meta would refuse a free-form message now.
    if (message.kind !== 'template' && !this.windowOpen()) return;
    this.effects.push({ type: 'send', message });
    // A picture without a caption still shows in the history (and the LLM's context) as what it was.
    const text = textOf(message) ?? `[${message.kind === 'media' ? message.media : message.kind}]`;
    this.session.history = appendHistory(this.session.history, { role: 'bot', text });
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  /** Schedules a `timeout` for the current node and returns the timer's key. */
  startTimer(minutes: number): string {
    const key = `${this.nodeId}:${this.ports.ids.next()}`;
    const at = new Date(this.now.getTime() + minutes * 60_000).toISOString();
    this.effects.push({ type: 'set_timer', key, at });
    return key;
  }
}

/** Set by a campaign that sent its template before starting the flow (see `takeCampaignOpening`). */
export const campaignOpeningVariable = 'campanha_modelo_enviado';
