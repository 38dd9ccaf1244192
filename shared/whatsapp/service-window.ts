/** Meta's customer-service window. */
export const serviceWindowMs = 24 * 60 * 60 * 1000;

export interface ServiceWindow {
  open: boolean;
  /** When Meta closes the window (last inbound + 24 h); null when no inbound message is known. */
  closesAt: Date | null;
}

/**
 * Meta's customer-service window: a contact's message opens 24 hours in which any message may
 * be sent; each new message restarts the 24 hours; outside it only templates go through.
 * `lastInboundAt` is the `timestamp` of the contact's latest message. `marginMs` closes our
 * side early, since a send queued at the last second would fail with 131047 — which stays
 * the authority when Meta disagrees. The one rule for the engine (a block's `window_closed`
 * path), the sender, the inbox and the reminders, so they never disagree about a contact.
 */
export function serviceWindow(lastInboundAt: Date | null, now: Date, { marginMs = 60_000 } = {}): ServiceWindow {
  if (!lastInboundAt) return { open: false, closesAt: null };
  const closesAt = new Date(lastInboundAt.getTime() + serviceWindowMs);
  return { open: now.getTime() < closesAt.getTime() - marginMs, closesAt };
}
