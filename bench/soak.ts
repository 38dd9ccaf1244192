import { percentile } from './stats.ts';

/** One soak message: who sent it, when its webhook was posted, and when its echo(es) reached the fake Graph API. */
export interface SoakMessage {
  contact: string;
  startedAt: number;
  status: number;
  replies: number[];
  /** How long the webhook took to be answered (ms); absent while it has not been. */
  answerMs?: number;
}

/** The server's resident memory at one moment of the run (MB). */
export interface MemorySample {
  atSecond: number;
  rssMb: number;
}

/** One answered message's wait, with when it was posted and answered (epoch ms). */
export interface SoakWait {
  contact: string;
  waitedMs: number;
  atSecond: number;
  postedAt: number;
  repliedAt: number;
  withNext: boolean;
}

export interface SoakReport {
  minutes: {
    minute: number;
    sent: number;
    p50: number;
    p99: number;
    max: number;
    /** Webhook answer p99 of the minute's messages (ms). */
    answerP99: number;
    /** The server's resident memory at the minute's end (MB), when sampled. */
    rssMb: number | null;
  }[];
  /** The whole run: webhook → first reply. */
  overall: { answered: number; p50: number; p99: number; max: number };
  slowest: SoakWait[];
  /** The contact whose worst wait was the longest, and its answered messages' mean wait. */
  slowestContact: { contact: string; worstMs: number; meanMs: number; messages: number } | null;
  /** Every message that waited longer than `slowMs` (1 s), oldest first. */
  slow: SoakWait[];
  slowMs: number;
  missing: number;
  duplicated: number;
  refused: number;
}

/**
 * Per-minute webhook → first-reply latency, the slowest messages, and missing and duplicated
 * replies. A message "answered only with the contact's next message" is one whose reply reached
 * Meta after that contact's next message was posted and within a second of the next one's
 * reply: what a missed wake-up or a stuck lease looks like from the outside.
 */
export function soakReport(
  messages: SoakMessage[],
  slowestCount = 10,
  slowMs = 1000,
  memory: readonly MemorySample[] = [],
): SoakReport {
  const start = Math.min(...messages.map((m) => m.startedAt));
  const minuteOf = (m: SoakMessage) => Math.floor((m.startedAt - start) / 60_000);
  const answersByMinute = new Map<number, number[]>();
  for (const m of messages) {
    if (m.answerMs === undefined) continue;
    answersByMinute.set(minuteOf(m), [...(answersByMinute.get(minuteOf(m)) ?? []), m.answerMs]);
  }
  // The last sample taken within each minute: memory as the minute ends.
  const rssAt = (minute: number) =>
    memory.filter((s) => s.atSecond < (minute + 1) * 60 && s.atSecond >= minute * 60).at(-1)?.rssMb ?? null;
  const answered = messages.filter((m) => m.status === 200 && m.replies.length > 0);
  const waited = (m: SoakMessage) => m.replies[0]! - m.startedAt;
  const byMinute = new Map<number, number[]>();
  for (const m of answered) {
    byMinute.set(minuteOf(m), [...(byMinute.get(minuteOf(m)) ?? []), waited(m)]);
  }
  const minutes = [...byMinute.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minute, ms]) => ({
      minute,
      sent: ms.length,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
      answerP99: percentile(answersByMinute.get(minute) ?? [], 99),
      rssMb: rssAt(minute),
    }));
  // The next message of the same contact, for the "answered only with the next" test.
  const next = new Map<SoakMessage, SoakMessage>();
  const lastOf = new Map<string, SoakMessage>();
  for (const m of [...messages].sort((a, b) => a.startedAt - b.startedAt)) {
    const previous = lastOf.get(m.contact);
    if (previous) next.set(previous, m);
    lastOf.set(m.contact, m);
  }
  const describe = (m: SoakMessage): SoakWait => {
    const n = next.get(m);
    const withNext =
      !!n && m.replies[0]! >= n.startedAt && n.replies.length > 0 && Math.abs(n.replies[0]! - m.replies[0]!) < 1000;
    return {
      contact: m.contact,
      waitedMs: waited(m),
      atSecond: Math.round((m.startedAt - start) / 1000),
      postedAt: m.startedAt,
      repliedAt: m.replies[0]!,
      withNext,
    };
  };
  const slowest = [...answered]
    .sort((a, b) => waited(b) - waited(a))
    .slice(0, slowestCount)
    .map(describe);
  const slow = answered
    .filter((m) => waited(m) > slowMs)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map(describe);
  const waits = answered.map(waited);
  const perContact = new Map<string, number[]>();
  for (const m of answered) perContact.set(m.contact, [...(perContact.get(m.contact) ?? []), waited(m)]);
  let slowestContact: SoakReport['slowestContact'] = null;
  for (const [contact, ms] of perContact) {
    const worstMs = Math.max(...ms);
    if (!slowestContact || worstMs > slowestContact.worstMs) {
      slowestContact = { contact, worstMs, meanMs: ms.reduce((a, b) => a + b, 0) / ms.length, messages: ms.length };
    }
  }
  const accepted = messages.filter((m) => m.status === 200);
  return {
    minutes,
    slowest,
    slow,
    slowMs,
    slowestContact,
    overall: {
      answered: waits.length,
      p50: percentile(waits, 50),
      p99: percentile(waits, 99),
      max: waits.length ? Math.max(...waits) : Number.NaN,
    },
    missing: accepted.filter((m) => m.replies.length === 0).length,
    duplicated: accepted.reduce((n, m) => n + Math.max(0, m.replies.length - 1), 0),
    refused: messages.length - accepted.length,
  };
}

export function formatSoak(r: SoakReport, seconds: number, rate: number): string[] {
  const f = (n: number) => n.toFixed(0).padStart(6);
  const clock = (at: number) => new Date(at).toISOString().slice(11, 23);
  const line = (s: SoakWait) =>
    `contact ${s.contact} at ${s.atSecond} s (posted ${clock(s.postedAt)}, answered ${clock(s.repliedAt)} UTC) waited ${s.waitedMs} ms` +
    (s.withNext ? ' — answered only with its next message' : '');
  const c = r.slowestContact;
  return [
    `soak: ${rate}/s for ${seconds} s — per minute: webhook → reply (ms), webhook answer p99 (ms), server resident memory at the minute's end (MB)`,
    '  minute   sent    p50    p99    max answer-p99    rss',
    ...r.minutes.map(
      (m) =>
        `  ${String(m.minute + 1).padStart(6)} ${f(m.sent)} ${f(m.p50)} ${f(m.p99)} ${f(m.max)} ${f(m.answerP99).padStart(10)} ${m.rssMb === null ? '     —' : f(m.rssMb)}`,
    ),
    `  whole run: ${r.overall.answered} answered, p50 ${f(r.overall.p50).trim()} ms, p99 ${f(r.overall.p99).trim()} ms, max ${f(r.overall.max).trim()} ms`,
    c
      ? `  slowest contact: ${c.contact} waited up to ${c.worstMs} ms (mean ${c.meanMs.toFixed(0)} ms over ${c.messages} messages)`
      : '  slowest contact: none answered',
    `  messages that waited more than ${r.slowMs} ms: ${r.slow.length}`,
    ...r.slow.slice(0, 50).map((s) => `    ${line(s)}`),
    ...(r.slow.length > 50 ? [`    … and ${r.slow.length - 50} more`] : []),
    `  slowest ${r.slowest.length}:`,
    ...r.slowest.map((s) => `    ${line(s)}`),
    `  replies missing ${r.missing}, duplicated ${r.duplicated}, webhooks not answered 200 ${r.refused}`,
    `  verdict: ${r.slow.length === 0 && r.missing === 0 && r.duplicated === 0 ? 'no message waited seconds; none lost or doubled' : 'NOT CLEAN (see above)'}`,
  ];
}
