import type { NodeAnalytics } from '../editor/types.ts';
import { useLocaleStore, useT } from '../i18n/index.ts';

/** Entries and drop-off under a node when the analytics overlay is on. */
export function AnalyticsChip({ stats }: { stats: NodeAnalytics }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  // dropOff is a count of sessions that stopped here; the share of entries is what stands out.
  const drop = stats.entries > 0 ? Math.round((stats.dropOff / stats.entries) * 100) : 0;
  return (
    <div className={`fx-analytics${drop >= 30 ? ' is-high' : ''}`} data-testid="node-analytics">
      <span>{t('editor.analytics.entries', { n: stats.entries.toLocaleString(locale) })}</span>
      <span className="fx-analytics__drop">{t('editor.analytics.dropOff', { n: drop })}</span>
    </div>
  );
}
