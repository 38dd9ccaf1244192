import { useCallback, useState } from 'react';
import { analyticsDays } from '../../../shared/api/analytics-days.ts';

/** `days` null is all time. */
export interface AnalyticsOverlay {
  visible: boolean;
  days: number | null;
}

export const analyticsOverlayKey = 'fluxo.analytics-overlay';
const initial: AnalyticsOverlay = { visible: true, days: 30 };

/** What was chosen last time, on any flow; anything unreadable falls back to the defaults. */
export function readOverlay(): AnalyticsOverlay {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(analyticsOverlayKey) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return initial;
    const { visible, days } = saved as Partial<Record<keyof AnalyticsOverlay, unknown>>;
    return {
      visible: typeof visible === 'boolean' ? visible : initial.visible,
      days:
        days === null || (analyticsDays as readonly unknown[]).includes(days) ? (days as number | null) : initial.days,
    };
  } catch {
    return initial;
  }
}

/** The analytics overlay's choices, remembered in this browser. */
export function useAnalyticsOverlay() {
  const [overlay, setOverlay] = useState(readOverlay);
  const change = useCallback((next: Partial<AnalyticsOverlay>) => {
    setOverlay((current) => {
      const merged = { ...current, ...next };
      try {
        localStorage.setItem(analyticsOverlayKey, JSON.stringify(merged));
      } catch {
        // Storage full or disabled: the choice lasts for this page only.
      }
      return merged;
    });
  }, []);
  return [overlay, change] as const;
}
