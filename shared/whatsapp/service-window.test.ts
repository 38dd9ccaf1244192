import { describe, expect, it } from 'vitest';
import { serviceWindow } from './service-window.ts';

const last = new Date('2026-01-01T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('serviceWindow', () => {
  it.each([
    ['right after the message', '2026-01-01T10:00:01Z', true],
    ['23 h later', '2026-01-02T09:00:00Z', true],
    ['just before the margin', '2026-01-02T09:58:59Z', true],
    ['inside the safety margin', '2026-01-02T09:59:30Z', false],
    ['exactly 24 h later', '2026-01-02T10:00:00Z', false],
    ['days later', '2026-01-05T10:00:00Z', false],
    // The contact's clock or ours may be ahead: a message "from the future" still opened a window.
    ['before the message (clock skew)', '2026-01-01T09:59:00Z', true],
  ])('%s → open=%s', (_label, now, open) => {
    expect(serviceWindow(last, at(now))).toEqual({ open, closesAt: at('2026-01-02T10:00:00Z') });
  });

  it('is closed when the contact never wrote', () => {
    expect(serviceWindow(null, at('2026-01-01T10:00:00Z'))).toEqual({ open: false, closesAt: null });
  });

  it('takes the margin as an option', () => {
    expect(serviceWindow(last, at('2026-01-02T09:59:59Z'), { marginMs: 0 }).open).toBe(true);
    expect(serviceWindow(last, at('2026-01-02T09:00:00Z'), { marginMs: 2 * 3600_000 }).open).toBe(false);
  });
});
