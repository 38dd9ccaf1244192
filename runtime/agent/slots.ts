import type { Slot } from '../ports.ts';

const weekdayNames = ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'];

/** The local calendar day of `d` in `timeZone`, as year/month/day numbers. */
function localDay(d: Date, timeZone: string): { y: number; m: number; day: number } {
  const p: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  for (const part of format.formatToParts(d)) p[part.type] = part.value;
  return { y: Number(p.year), m: Number(p.month), day: Number(p.day) };
}

/**
 * The block's declared visit times on the next `days` weekdays after today (the agenda issue's
 * bookings replace these through `Ports.schedule`). Ids are `YYYY-MM-DDTHH:MM`, local time.
 */
export function declaredSlots(now: Date, timeZone: string, days: number, times: string[], max = 10): Slot[] {
  const today = localDay(now, timeZone);
  const slots: Slot[] = [];
  let found = 0;
  for (let offset = 1; found < days && offset <= days * 3; offset++) {
    // Calendar arithmetic at UTC noon: no zone or DST shift can move it to another day.
    const date = new Date(Date.UTC(today.y, today.m - 1, today.day + offset, 12));
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    found++;
    const iso = date.toISOString().slice(0, 10);
    const label = `${weekdayNames[weekday]} ${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
    for (const t of times) slots.push({ id: `${iso}T${t}`, label: `${label} ${t}` });
  }
  return slots.slice(0, max);
}
