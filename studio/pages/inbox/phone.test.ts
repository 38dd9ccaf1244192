import { describe, expect, it } from 'vitest';
import { formatPhone } from './phone.ts';

describe('formatPhone', () => {
  it.each([
    ['5511987654321', '+55 11 98765-4321'],
    ['558433221100', '+55 84 3322-1100'],
    ['15550100001', '+15550100001'],
    ['+44 7700 900123', '+447700900123'],
    ['', ''],
  ])('%s → %s', (waId, shown) => {
    expect(formatPhone(waId)).toBe(shown);
  });
});
