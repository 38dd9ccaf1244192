import { analyticsDays } from '../../../shared/api/analytics-days.ts';
import { useT } from '../../i18n/index.ts';
import type { AnalyticsOverlay } from './analytics-overlay.ts';

interface AnalyticsControlsProps {
  overlay: AnalyticsOverlay;
  onChange(next: Partial<AnalyticsOverlay>): void;
}

/** Show or hide the counts drawn over the blocks, and the period they count. */
export function AnalyticsControls({ overlay, onChange }: AnalyticsControlsProps) {
  const t = useT();
  return (
    <span className="analytics-controls">
      <button
        type="button"
        className={overlay.visible ? 'button small active' : 'button small'}
        aria-pressed={overlay.visible}
        title={t('editor.analytics.showHint')}
        onClick={() => onChange({ visible: !overlay.visible })}
        data-testid="analytics-toggle"
      >
        {t('editor.analytics.show')}
      </button>
      {overlay.visible ? (
        <select
          className="analytics-period"
          aria-label={t('editor.analytics.period')}
          value={overlay.days === null ? 'all' : String(overlay.days)}
          onChange={(e) => onChange({ days: e.target.value === 'all' ? null : Number(e.target.value) })}
        >
          {analyticsDays.map((d) => (
            <option key={d} value={d}>
              {t('editor.analytics.days', { n: d })}
            </option>
          ))}
          <option value="all">{t('editor.analytics.allTime')}</option>
        </select>
      ) : null}
    </span>
  );
}
