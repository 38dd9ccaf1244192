import type { Locale } from '../i18n/index.ts';

/** 90 → "1 h 30 min", 2880 → "2 dias": how people say a wait, not a number of minutes. */
export function formatDuration(minutes: number, locale: Locale): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = Math.round(minutes % 60);
  const dayWord = locale === 'en' ? (days === 1 ? 'day' : 'days') : days === 1 ? 'dia' : 'dias';
  const parts: string[] = [];
  if (days) parts.push(`${days} ${dayWord}`);
  if (hours) parts.push(`${hours} h`);
  if (mins) parts.push(`${mins} min`);
  return parts.join(' ') || '0 min';
}
