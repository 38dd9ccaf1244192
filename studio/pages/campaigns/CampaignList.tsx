import type { CampaignView } from '../../api/campaigns.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { CampaignStatusPill } from './CampaignStatusPill.tsx';
import { scheduleText, totalsText } from './campaign-text.ts';

/** A table on wide screens; on a phone each row stacks into a card (campaigns.css). */
export function CampaignList({ campaigns, onOpen }: { campaigns: CampaignView[]; onOpen(id: string): void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <table className="table campaigns-table" data-testid="campaigns-list">
      <thead>
        <tr>
          <th scope="col">{t('campaigns.col.name')}</th>
          <th scope="col">{t('campaigns.col.status')}</th>
          <th scope="col">{t('campaigns.col.when')}</th>
          <th scope="col">{t('campaigns.col.results')}</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((c) => (
          <tr key={c.id} data-testid={`campaign-row-${c.name}`}>
            <td>
              <button
                type="button"
                className="link-button"
                aria-label={t('campaigns.open', { name: c.name })}
                onClick={() => onOpen(c.id)}
              >
                {c.name}
              </button>
              <div className="muted small">{c.templateName}</div>
            </td>
            <td>
              <CampaignStatusPill status={c.status} />
            </td>
            <td className="muted small">{scheduleText(c, t, date)}</td>
            <td className="small">{totalsText(c, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
