import type { CampaignView } from '../../api/campaigns.ts';
import { useT } from '../../i18n/index.ts';

export function CampaignStatusPill({ status }: { status: CampaignView['status'] }) {
  const t = useT();
  const tone = status === 'failed' || status === 'cancelled' ? ' danger' : status === 'done' ? ' success' : '';
  return (
    <span className={`pill${tone}`} data-testid="campaign-status">
      {t(`campaigns.status.${status}`)}
    </span>
  );
}
