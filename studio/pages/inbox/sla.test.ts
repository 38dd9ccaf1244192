import { describe, expect, it } from 'vitest';
import { slaState } from './sla.ts';

describe('slaState', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('counts down to the due time, then up past it', () => {
    expect(slaState('2026-12-01T12:04:30Z', now)).toEqual({ late: false, minutes: 4, seconds: 30 });
    expect(slaState('2026-12-01T11:58:55Z', now)).toEqual({ late: true, minutes: 1, seconds: 5 });
  });
  it('shows nothing without an SLA (no team, or replied already)', () => {
    expect(slaState(null, now)).toBeNull();
  });
});
