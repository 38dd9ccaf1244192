/**
 * Wall-clock times in an IANA zone and the instants they name, through Intl alone (no library,
 * no clock): a slot "09:00 on 2027-03-20 in America/Sao_Paulo" is one UTC instant.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  /** ISO date, "2027-03-20". */
  date: string;
  /** "09:00". */
  time: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone's calendar date and time at an instant. */
export function wallTimeOf(at: Date, timeZone: string): WallTime {
  const p: Record<string, number> = {};
  for (const part of formatIn(timeZone).formatToParts(at)) p[part.type] = Number(part.value);
  const date = `${String(p.year).padStart(4, '0')}-${pad(p.month ?? 0)}-${pad(p.day ?? 0)}`;
  return { date, time: `${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}`, weekday: weekdayOf(date) };
}

/** The zone's offset from UTC at an instant, in minutes (São Paulo: -180). */
function offsetMinutes(at: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatIn(timeZone).formatToParts(at)) p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - (at.getTime() - at.getUTCMilliseconds())) / 60_000);
}

/**
 * The instant of a wall-clock time in a zone. Guesses with the offset an instant near it has,
 * then corrects once, which settles across a daylight-saving change.
 */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const first = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  return new Date(naive - offsetMinutes(new Date(first), timeZone) * 60_000);
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

/** Calendar arithmetic on ISO dates, in UTC where no day is 23 or 25 hours long. */
export function addDaysISO(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}
