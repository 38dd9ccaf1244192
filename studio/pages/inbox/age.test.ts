import { describe, expect, it } from 'vitest';
import { ageOf } from './age.ts';

const now = new Date('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('ageOf', () => {
  it.each([
    [0, { unit: 'now' }],
    [59_999, { unit: 'now' }],
    [60_000, { unit: 'minutes', n: 1 }],
    [59 * 60_000 + 59_000, { unit: 'minutes', n: 59 }],
    [60 * 60_000, { unit: 'hours', n: 1 }],
    [23 * 3_600_000 + 3_599_000, { unit: 'hours', n: 23 }],
    [24 * 3_600_000, { unit: 'days', n: 1 }],
    [10 * 24 * 3_600_000, { unit: 'days', n: 10 }],
  ])('%i ms ago is %o', (ms, age) => {
    expect(ageOf(ago(ms), now)).toEqual(age);
  });

  it('treats a time slightly in the future (clock skew) or unreadable as now', () => {
    expect(ageOf(ago(-5_000), now)).toEqual({ unit: 'now' });
    expect(ageOf('not a date', now)).toEqual({ unit: 'now' });
  });
});
