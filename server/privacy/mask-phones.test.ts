import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { maskPhones } from './mask-phones.ts';

describe('phone numbers in logs', () => {
  it('masks runs of 10 to 15 digits, keeping the head and the last two', () => {
    expect(maskPhones('Key (channel_id, wa_id)=(ch, 5584991239876) already exists')).toBe(
      'Key (channel_id, wa_id)=(ch, 5584*******76) already exists',
    );
    expect(maskPhones('+55 84 99123-9876 e 1234567890')).toBe('+55 84 99123-9876 e 1234****90');
    expect(maskPhones('order 123456789, wamid 1234567890123456')).toBe('order 123456789, wamid 1234567890123456');
  });

  it('applies to errors the logger writes, not to the ids it was given on purpose', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (l) => lines.push(l));
    logger.error('send failed', {
      err: new Error('recipient 5584991239876 not in allowed list'),
      error: 'to 5584991239876',
      phoneNumberId: '106540352242922',
    });
    const line = JSON.parse(lines[0]!);
    expect(line.err.message).toBe('recipient 5584*******76 not in allowed list');
    expect(line.err.stack).not.toContain('5584991239876');
    expect(line.error).toBe('to 5584*******76');
    expect(line.phoneNumberId).toBe('106540352242922');
  });
});
