import { describe, expect, it } from 'vitest';
import { formatSoak, soakReport, type SoakMessage } from './soak.ts';

describe('the soak report', () => {
  const t0 = Date.UTC(2026, 11, 6, 10, 0, 0);
  // Contact A: fast, fast. Contact B: "oi" waits 13 s and is answered with its next message.
  const messages: SoakMessage[] = [
    { contact: 'A', startedAt: t0, status: 200, replies: [t0 + 40] },
    { contact: 'B', startedAt: t0 + 100, status: 200, replies: [t0 + 13_100] },
    { contact: 'A', startedAt: t0 + 1000, status: 200, replies: [t0 + 1050] },
    { contact: 'B', startedAt: t0 + 12_900, status: 200, replies: [t0 + 13_150] },
    { contact: 'C', startedAt: t0 + 2000, status: 200, replies: [] },
    { contact: 'C', startedAt: t0 + 3000, status: 200, replies: [t0 + 3030, t0 + 3400] },
  ];

  it("names every message that waited over a second, the slowest contact, and the whole run's p99 and max", () => {
    const r = soakReport(messages);
    expect(r.overall).toMatchObject({ answered: 5, max: 13_000 });
    expect(r.slowestContact).toMatchObject({ contact: 'B', worstMs: 13_000, messages: 2 });
    expect(r.slow).toHaveLength(1);
    expect(r.slow[0]).toMatchObject({
      contact: 'B',
      waitedMs: 13_000,
      withNext: true,
      postedAt: t0 + 100,
      repliedAt: t0 + 13_100,
    });
    expect(r).toMatchObject({ missing: 1, duplicated: 1 });

    const text = formatSoak(r, 600, 100).join('\n');
    expect(text).toContain('whole run: 5 answered');
    expect(text).toContain('max 13000 ms');
    expect(text).toContain('slowest contact: B waited up to 13000 ms');
    expect(text).toContain(
      'contact B at 0 s (posted 10:00:00.100, answered 10:00:13.100 UTC) waited 13000 ms — answered only with its next message',
    );
    expect(text).toContain('NOT CLEAN');
  });

  it('says so when nothing waited seconds and nothing was lost or doubled', () => {
    const text = formatSoak(soakReport(messages.slice(0, 1)), 1, 1).join('\n');
    expect(text).toContain('messages that waited more than 1000 ms: 0');
    expect(text).toContain('verdict: no message waited seconds; none lost or doubled');
  });

  it("gives each minute its webhook answer p99 and the server's memory as the minute ended", () => {
    const timed: SoakMessage[] = [
      { contact: 'A', startedAt: t0, status: 200, replies: [t0 + 40], answerMs: 4 },
      { contact: 'A', startedAt: t0 + 30_000, status: 200, replies: [t0 + 30_040], answerMs: 9 },
      { contact: 'A', startedAt: t0 + 61_000, status: 200, replies: [t0 + 61_040], answerMs: 21 },
    ];
    const memory = [
      { atSecond: 10, rssMb: 300 },
      { atSecond: 50, rssMb: 310 },
      { atSecond: 110, rssMb: 320 },
    ];
    const r = soakReport(timed, 10, 1000, memory);
    expect(r.minutes).toMatchObject([
      { minute: 0, answerP99: 9, rssMb: 310 },
      { minute: 1, answerP99: 21, rssMb: 320 },
    ]);
    expect(formatSoak(r, 120, 100).join('\n')).toMatch(/\n\s+2\s+1\s+40\s+40\s+40\s+21\s+320\n/);
  });
});
