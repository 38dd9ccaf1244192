import { describe, expect, it } from 'vitest';
import { median, medianInterval } from './stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('medianInterval', () => {
  it('has no width when every round measured the same', () => {
    expect(medianInterval([1.02, 1.02, 1.02, 1.02])).toEqual({ low: 1.02, high: 1.02 });
  });

  it('brackets the median and stays inside the samples', () => {
    const xs = [0.91, 0.97, 1.0, 1.01, 1.03, 1.04, 1.05, 1.08, 1.12, 1.2, 0.95, 1.02, 1.06, 0.99, 1.1];
    const { low, high } = medianInterval(xs);
    expect(low).toBeLessThan(median(xs));
    expect(high).toBeGreaterThan(median(xs));
    expect(low).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(high).toBeLessThanOrEqual(Math.max(...xs));
  });

  it('narrows as rounds agree more', () => {
    const spread = [0.8, 0.9, 1.0, 1.1, 1.2, 0.85, 0.95, 1.05, 1.15];
    const close = spread.map((x) => 1 + (x - 1) / 10);
    const wide = medianInterval(spread);
    const narrow = medianInterval(close);
    expect(narrow.high - narrow.low).toBeLessThan((wide.high - wide.low) / 5);
  });

  it('gives the same interval for the same samples', () => {
    const xs = [1.01, 0.98, 1.07, 1.03, 0.95, 1.1];
    expect(medianInterval(xs)).toEqual(medianInterval(xs));
  });
});
