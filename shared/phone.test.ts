import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['5584991230001', '5584991230001'],
    ['+55 84 99123-0001', '5584991230001'],
    ['+55 (84) 99123-0001', '5584991230001'],
    ['(84) 99123-0001', '5584991230001'],
    ['84 99123 0001', '5584991230001'],
    ['84991230001', '5584991230001'],
    ['084991230001', '5584991230001'],
    ['0 21 84 99123-0001', '5584991230001'],
    ['84.99123.0001', '5584991230001'],
    // Issue 21: typed as people type it, this went to +84 (Vietnam).
    ['(84) 99000-0778', '5584990000778'],
    ['84990000778', '5584990000778'],
    // Missing 9th digit on a mobile: put back.
    ['(84) 9123-0001', '5584991230001'],
    ['558491230001', '5584991230001'],
    ['+55 84 8123-0001', '5584981230001'],
    // Landlines keep 8 digits.
    ['(11) 3456-7890', '551134567890'],
    ['+55 11 3456-7890', '551134567890'],
    // DDD 55 (Santa Maria, RS) is not mistaken for the country code.
    ['55 99123-4567', '5555991234567'],
    ['+55 55 99123-4567', '5555991234567'],
    // Other countries when written with "+" (was refused by the Brazil-only parser).
    ['+1 212 555 0100', '12125550100'],
    ['+351 912 345 678', '351912345678'],
    ['+84 90 123 4567', '84901234567'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    [''],
    ['991230001'],
    ['91230001'],
    ['(20) 99123-0001'],
    ['(84) 89123-00011'],
    ['(84) 19123-0001'],
    ['(84) 0123-0001'],
    ['84 99123-000a'],
    ['meu numero é 84991230001'],
    ['👍'],
    ['9'.repeat(5000)],
    ['\u0000'],
    // Without "+", never read as another country (libphonenumber takes "00 55" as a carrier
    // prefix and lands in Vietnam).
    ['00 55 84 99123 0001'],
    ['+84 99'],
  ])('%j → null', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
