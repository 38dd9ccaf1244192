import type { CampaignView } from '../../api/campaigns.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "Todo dia às 10:00", "Toda semana (seg, qua) às 09:30", or the one-off's date. */
export function scheduleText(c: CampaignView, t: Translate, date: Intl.DateTimeFormat): string {
  const s = c.schedule;
  if (s.kind === 'daily') return t('campaigns.schedule.daily', { time: s.time });
  if (s.kind === 'weekly')
    return t('campaigns.schedule.weekly', {
      time: s.time,
      days: s.weekdays.map((d) => t(`campaigns.day.${d}`)).join(', '),
    });
  return date.format(new Date(c.scheduledAt));
}

/** "12 enviadas · 3 entregues …": the outcomes that happened, in the order a send goes. */
export function totalsText(c: CampaignView, t: Translate): string {
  const parts = (Object.entries(c.totals) as [keyof CampaignView['totals'], number][])
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${n} ${t(`campaigns.outcome.${outcome}`).toLowerCase()}`);
  return parts.join(' · ');
}
