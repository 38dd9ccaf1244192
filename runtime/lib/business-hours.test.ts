import { describe, expect, it } from 'vitest';
import { defaultBusinessHours, type BusinessHours } from '../../shared/api/settings.ts';
import { buildFlow } from '../testing/build-flow.ts';
import { TestClock } from '../testing/ports.ts';
import { driver, texts } from '../testing/session-test-kit.ts';
import { isWithinBusinessHours } from './business-hours.ts';

const hours: BusinessHours = {
  ...defaultBusinessHours,
  mon: [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  sun: [],
  fri: [{ start: '20:00', end: '23:59' }],
};

describe('business hours', () => {
  it.each([
    // 2026-11-23 is a Monday; São Paulo is UTC−3.
    ['2026-11-23T10:59:00Z', 'America/Sao_Paulo', false], // 07:59
    ['2026-11-23T11:00:00Z', 'America/Sao_Paulo', true], // 08:00, start included
    ['2026-11-23T15:00:00Z', 'America/Sao_Paulo', false], // 12:00, end excluded (lunch)
    ['2026-11-23T16:30:00Z', 'America/Sao_Paulo', true], // 13:30
    ['2026-11-23T21:00:00Z', 'America/Sao_Paulo', false], // 18:00
    ['2026-11-23T02:30:00Z', 'America/Sao_Paulo', false], // Sunday 23:30 there
    ['2026-11-23T09:30:00Z', 'Europe/Lisbon', true], // Monday 09:30 in Lisbon (UTC+0), 06:30 in São Paulo
    ['2026-11-28T02:59:00Z', 'America/Sao_Paulo', true], // Friday 23:59: `23:59` runs to midnight
    ['2026-11-28T03:00:00Z', 'America/Sao_Paulo', false], // Saturday 00:00
  ] as const)('%s in %s → %s', (at, zone, open) => {
    expect(isWithinBusinessHours(new Date(at), hours, zone)).toBe(open);
  });

  it('lets a condition branch on {{dentro_do_horario}}, read with the injected clock and zone', async () => {
    const flow = buildFlow(
      [
        {
          id: 'c',
          type: 'condition',
          data: { rules: [{ id: 'r1', variable: 'dentro_do_horario', operator: 'equals', value: 'sim' }] },
        },
        { id: 'open', type: 'message', data: { text: 'Estamos abertos ({{dentro_do_horario}}).' } },
        { id: 'closed', type: 'message', data: { text: 'Fechados agora ({{dentro_do_horario}}).' } },
      ],
      [
        ['c', 'rule-r1', 'open'],
        ['c', 'else', 'closed'],
      ],
    );
    const run = async (at: string, timeZone: string) => {
      const clock = new TestClock(at);
      const d = driver(flow, { clock });
      d.ports.clock = { now: clock.now, timeZone, businessHours: hours };
      return texts(await d.send('oi'))[0];
    };
    expect(await run('2026-11-23T16:30:00Z', 'America/Sao_Paulo')).toBe('Estamos abertos (sim).');
    expect(await run('2026-11-23T15:30:00Z', 'America/Sao_Paulo')).toBe('Fechados agora (não).');
    // The same instant is 07:30 in Manaus (UTC−4): before opening.
    expect(await run('2026-11-23T11:30:00Z', 'America/Manaus')).toBe('Fechados agora (não).');
    expect(await run('2026-11-23T11:30:00Z', 'America/Sao_Paulo')).toBe('Estamos abertos (sim).');
  });
});
