import { normalizeText } from './normalize.ts';

export interface DateBR {
  /** ISO calendar date, "2025-03-15". */
  date: string;
  /** How Brazilians write it, "15/03/2025". */
  display: string;
  /** 0 = domingo … 6 = sábado. */
  weekday: number;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const relativeDays: Record<string, number> = {
  hoje: 0,
  amanha: 1,
  'depois de amanha': 2,
};

/** Today's calendar date where the contact is: at 22:00 in São Paulo it is already tomorrow in UTC. */
function todayIn(now: Date, timeZone: string): Ymd {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

function isoOf({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's ISO date where the contact is, to compare with `DateBR.date` ("2026-03-20"). */
export function todayISO(now: Date, timeZone = 'America/Sao_Paulo'): string {
  return isoOf(todayIn(now, timeZone));
}

/** Calendar arithmetic in UTC, where no day is 23 or 25 hours long. */
function toResult({ y, m, d }: Ymd): DateBR | null {
  const at = new Date(Date.UTC(y, m - 1, d));
  at.setUTCFullYear(y);
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  const date = isoOf({ y, m, d });
  return { date, display: date.split('-').reverse().join('/'), weekday: at.getUTCDay() };
}

function addDays({ y, m, d }: Ymd, days: number): Ymd {
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
}

/**
 * Two-digit years: the 20xx year when it is at most 20 years ahead of today, else 19xx
 * ("15/03/30" → 2030 for a visit; "15/03/85" → 1985 for a birth date).
 */
function fullYear(yy: number, today: Ymd): number {
  const candidate = 2000 + yy;
  return candidate <= today.y + 20 ? candidate : candidate - 100;
}

/** This year's day-month unless it has passed, else next year's; 29/02 may find neither. */
function nextOccurrence(m: number, d: number, today: Ymd): DateBR | null {
  const thisYear = toResult({ y: today.y, m, d });
  if (thisYear !== null && thisYear.date >= isoOf(today)) return thisYear;
  return toResult({ y: today.y + 1, m, d });
}

const dayMonthYear = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}|\d{2}))?$/u;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * A date as a Brazilian types it: "15/03/2025", "15/03/25", "15/3", "15-03-2025",
 * "15.03.2025", "2025-03-15", "hoje", "amanhã", "depois de amanhã". Without a year it is
 * the next time that day comes, today included (in `timeZone`): "20/03" typed in November
 * is next March, as someone booking or paying means. Impossible dates (31/02) and years outside
 * 1900–2200 are null. `now` is passed in because the runtime never reads the clock.
 */
export function parseDateBR(s: string, now: Date, timeZone = 'America/Sao_Paulo'): DateBR | null {
  const text = normalizeText(s).replace(/[!.?]+$/u, '');
  if (text.length > 40) return null;
  const today = todayIn(now, timeZone);

  const relative = relativeDays[text];
  if (relative !== undefined) return toResult(addDays(today, relative));

  const iso = isoDate.exec(text);
  const dmy = iso ? null : dayMonthYear.exec(text);
  let ymd: Ymd;
  if (iso) ymd = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  else if (dmy) {
    const yearText = dmy[3];
    const m = Number(dmy[2]);
    const d = Number(dmy[1]);
    if (yearText === undefined) return nextOccurrence(m, d, today);
    const y = yearText.length === 2 ? fullYear(Number(yearText), today) : Number(yearText);
    ymd = { y, m, d };
  } else return null;

  if (ymd.y < 1900 || ymd.y > 2200) return null;
  return toResult(ymd);
}
