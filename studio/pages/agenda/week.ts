/** Local-day arithmetic for the bookings views (the browser's zone, as the rest of the console). */
export type View = 'day' | 'week';

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The shown period: one day, or the week from Monday. */
export function periodOf(anchor: Date, view: View): { from: Date; to: Date } {
  const day = startOfDay(anchor);
  if (view === 'day') return { from: day, to: addDays(day, 1) };
  const monday = addDays(day, -((day.getDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 7) };
}

export const dayKey = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
