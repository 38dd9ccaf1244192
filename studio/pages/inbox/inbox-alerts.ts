import { create } from 'zustand';
import type { StudioEvent } from '../../../shared/api/events.ts';

/** What is new for this person, by handoff: an assignment, a customer's message, a missed SLA. */
export type AlertKind = 'assigned' | 'message' | 'queued' | 'sla';

export interface HandoffSnapshot {
  id: string;
  assignedUserId: string | null;
  contactId: string;
}

/**
 * Decides what to alert after a refetch the event caused: handoffs newly given to `userId`, new
 * ones in the caller's queue, a customer's message in one of theirs, a missed SLA on one they see.
 * Pure, so the rules are tested without a browser.
 */
export function alertsFor(
  event: StudioEvent,
  before: ReadonlyMap<string, HandoffSnapshot>,
  after: readonly HandoffSnapshot[],
  userId: string,
): { id: string; kind: AlertKind }[] {
  const out: { id: string; kind: AlertKind }[] = [];
  for (const h of after) {
    const prev = before.get(h.id);
    // A claim is the person's own doing (or comes with its own `handoff.assigned`): nothing to tell.
    if (h.assignedUserId === userId && prev?.assignedUserId !== userId) {
      if (event.type !== 'handoff.claimed') out.push({ id: h.id, kind: 'assigned' });
    } else if (!prev && h.assignedUserId === null) out.push({ id: h.id, kind: 'queued' });
    else if (event.type === 'message.received' && event.conversationId === h.contactId && h.assignedUserId === userId)
      out.push({ id: h.id, kind: 'message' });
    else if (event.type === 'handoff.sla_missed' && event.handoffId === h.id) out.push({ id: h.id, kind: 'sla' });
  }
  return out;
}

interface UnreadState {
  unread: ReadonlySet<string>;
  markUnread(id: string): void;
  markRead(id: string): void;
  /** Keeps only handoffs still in the caller's inbox (resolved or moved away ones stop counting). */
  keepOnly(ids: readonly string[]): void;
}

/** Unread handoffs for the badge on "Atendimento" in the navigation. */
export const useInboxUnread = create<UnreadState>((set) => ({
  unread: new Set(),
  markUnread: (id) => set((s) => (s.unread.has(id) ? s : { unread: new Set([...s.unread, id]) })),
  markRead: (id) =>
    set((s) => {
      if (!s.unread.has(id)) return s;
      const next = new Set(s.unread);
      next.delete(id);
      return { unread: next };
    }),
  keepOnly: (ids) =>
    set((s) => {
      const keep = new Set(ids);
      const next = new Set([...s.unread].filter((id) => keep.has(id)));
      return next.size === s.unread.size ? s : { unread: next };
    }),
}));

/** A short two-tone chime (no audio file to ship); silent where audio is not allowed yet. */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.gain.value = 0.08;
    gain.connect(ctx.destination);
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + i * 0.12 + 0.1);
    });
    setTimeout(() => void ctx.close(), 500);
  } catch {
    // No audio device or not allowed: the toast and the badge still tell.
  }
}

/** A system notification when the person allowed them (asked on a click in the inbox). */
export function notifyBrowser(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag: `fluxo-${title}-${body}` });
  } catch {
    // Some browsers allow notifications only from a service worker: the toast still shows.
  }
}
