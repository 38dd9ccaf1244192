import { percentile } from './stats.ts';

/** One soak message: who sent it, when its webhook was posted, and when its echo(es) reached the fake Graph API. */
export interface SoakMessage { contact: string; startedAt: number; status: number; replies: number[] }

export interface SoakReport {
  minutes: { minute: number; sent: number; p50: number; p99: number; max: number }[];
  slowest: { contact: string; waitedMs: number; atSecond: number; withNext: boolean }[];
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
export function soakReport(messages: SoakMessage[], slowestCount = 10): SoakReport {
  const start = Math.min(...messages.map((m) => m.startedAt));
  const answered = messages.filter((m) => m.status === 200 && m.replies.length > 0);
  const waited = (m: SoakMessage) => m.replies[0]! - m.startedAt;
  const byMinute = new Map<number, number[]>();
  for (const m of answered) {
    const minute = Math.floor((m.startedAt - start) / 60_000);
    byMinute.set(minute, [...(byMinute.get(minute) ?? []), waited(m)]);
  }
  const minutes = [...byMinute.entries()].sort(([a], [b]) => a - b).map(([minute, ms]) => ({
    minute, sent: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms),
  }));
  // The next message of the same contact, for the "answered only with the next" test.
  const next = new Map<SoakMessage, SoakMessage>();
  const lastOf = new Map<string, SoakMessage>();
  for (const m of [...messages].sort((a, b) => a.startedAt - b.startedAt)) {
    const previous = lastOf.get(m.contact);
    if (previous) next.set(previous, m);
    lastOf.set(m.contact, m);
  }
  const slowest = [...answered].sort((a, b) => waited(b) - waited(a)).slice(0, slowestCount).map((m) => {
    const n = next.get(m);
    const withNext = !!n && m.replies[0]! >= n.startedAt && n.replies.length > 0 && Math.abs(n.replies[0]! - m.replies[0]!) < 1000;
    return { contact: m.contact, waitedMs: waited(m), atSecond: Math.round((m.startedAt - start) / 1000), withNext };
  });
  const accepted = messages.filter((m) => m.status === 200);
  return {
    minutes, slowest,
    missing: accepted.filter((m) => m.replies.length === 0).length,
    duplicated: accepted.reduce((n, m) => n + Math.max(0, m.replies.length - 1), 0),
    refused: messages.length - accepted.length,
  };
}

export function formatSoak(r: SoakReport, seconds: number, rate: number): string[] {
  const f = (n: number) => n.toFixed(0).padStart(6);
  return [
    `soak: ${rate}/s for ${seconds} s — webhook → reply per minute (ms)`,
    '  minute   sent    p50    p99    max',
    ...r.minutes.map((m) => `  ${String(m.minute + 1).padStart(6)} ${f(m.sent)} ${f(m.p50)} ${f(m.p99)} ${f(m.max)}`),
    `  slowest ${r.slowest.length}:`,
    ...r.slowest.map((s) => `    contact ${s.contact} at ${s.atSecond} s waited ${s.waitedMs} ms${s.withNext ? ' — answered only with its next message' : ''}`),
    `  replies missing ${r.missing}, duplicated ${r.duplicated}, webhooks not answered 200 ${r.refused}`,
  ];
}
