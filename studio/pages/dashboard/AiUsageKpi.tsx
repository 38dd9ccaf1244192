import { useEffect, useState } from 'react';
import { dashboardApi, type DashboardFilter } from '../../api/dashboard.ts';
import { useT } from '../../i18n/index.ts';

/** The period's AI agent spending: shown only once an agent block has answered someone. */
export function AiUsageKpi({ filter }: { filter: DashboardFilter }) {
  const t = useT();
  const [usage, setUsage] = useState<{ runs: number; tokens: number; costUsd: number } | null>(null);
  useEffect(() => {
    let live = true;
    dashboardApi.aiUsage(filter).then(
      (u) => live && setUsage(u),
      () => live && setUsage(null),
    );
    return () => {
      live = false;
    };
  }, [filter]);
  if (!usage || usage.runs === 0) return null;
  return (
    <div className="dash-kpi" data-kpi="ai">
      <span className="dash-kpi-label">{t('agent.usage')}</span>
      <strong className="dash-kpi-value">US$ {usage.costUsd.toFixed(2)}</strong>
      <span className="muted small">
        {t('agent.usage.detail', { runs: usage.runs, tokens: usage.tokens, cost: usage.costUsd.toFixed(4) })}
      </span>
    </div>
  );
}
