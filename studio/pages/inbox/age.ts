/** How long a conversation has waited, in the largest whole unit: what an agent scans a queue for. */
export type Age = { unit: 'now' } | { unit: 'minutes' | 'hours' | 'days'; n: number };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function ageOf(since: string, now: Date): Age {
  const ms = now.getTime() - new Date(since).getTime();
  // A server clock a little ahead of the browser's gives a negative age: that is "now" too.
  if (!Number.isFinite(ms) || ms < minute) return { unit: 'now' };
  if (ms < hour) return { unit: 'minutes', n: Math.floor(ms / minute) };
  if (ms < day) return { unit: 'hours', n: Math.floor(ms / hour) };
  return { unit: 'days', n: Math.floor(ms / day) };
}
