import type { NodeAnalytics } from '../editor/state/types.ts';
import { useLocaleStore, useT } from '../i18n/index.ts';
import { pluralForm } from '../i18n/plural.ts';

/**
 * Entries under a node when the analytics overlay is on, and where the conversations that
 * stopped there went: completed (an end block, a go-to another flow), with an agent (a
 * handoff), or dropped off (anywhere else; the share of entries is what stands out).
 */
export function AnalyticsChip({ stats }: { stats: NodeAnalytics }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const count = (key: 'entries' | 'completions' | 'withAgent', n: number) =>
    t(`editor.analytics.${key}.${pluralForm(locale, n)}`, { n: n.toLocaleString(locale) });
  const drop = stats.entries > 0 ? Math.round((stats.dropOff / stats.entries) * 100) : 0;
  const stop =
    stats.completions > 0 ? (
      <span className="fx-analytics__done">{count('completions', stats.completions)}</span>
    ) : stats.withAgent > 0 ? (
      <span className="fx-analytics__agent">{count('withAgent', stats.withAgent)}</span>
    ) : (
      <span className="fx-analytics__drop">{t('editor.analytics.dropOff', { n: drop })}</span>
    );
  return (
    <div
      className={`fx-analytics${stats.completions === 0 && stats.withAgent === 0 && drop >= 30 ? ' is-high' : ''}`}
      data-testid="node-analytics"
    >
      <span>{count('entries', stats.entries)}</span>
      {stop}
    </div>
  );
}
