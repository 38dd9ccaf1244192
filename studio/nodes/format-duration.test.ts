import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it('says waits the way people do', () => {
    expect(formatDuration(45, 'pt-BR')).toBe('45 min');
    expect(formatDuration(90, 'pt-BR')).toBe('1 h 30 min');
    expect(formatDuration(120, 'en')).toBe('2 h');
    expect(formatDuration(2880, 'pt-BR')).toBe('2 dias');
    expect(formatDuration(1440 + 60, 'en')).toBe('1 day 1 h');
  });
});
