import type { MessageKey, MessageParams } from '../../i18n/index.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

/** A median in seconds as the largest unit that keeps it short ("42 s", "3.5 min", "2 h"). */
export function formatDuration(seconds: number | null, t: T): string {
  if (seconds === null) return t('dashboard.none');
  if (seconds < 90) return t('dashboard.seconds', { n: Math.round(seconds) });
  if (seconds < 5400) return t('dashboard.minutes', { n: Math.round(seconds / 6) / 10 });
  return t('dashboard.hours', { n: Math.round(seconds / 360) / 10 });
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** `2026-12-06` → `06/12`, the chart's tick. */
export function shortDay(day: string): string {
  const [, month = '', date = ''] = day.split('-');
  return `${date}/${month}`;
}
