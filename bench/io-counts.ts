/**
 * `BENCH_COUNT_IO=1`: the SQL statements and Redis commands the server sent during a phase
 * (`fluxo_io_total`, see server/metrics/io-count.ts), per inbound message, per status webhook
 * and per reply. Counts do not change with the machine's load, unlike times.
 */
export type IoTotals = Map<string, number>;

export async function readIo(serverUrl: string, token: string): Promise<IoTotals> {
  const response = await fetch(`${serverUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /metrics: ${response.status}`);
  const totals: IoTotals = new Map();
  const line = /^fluxo_io_total\{stage="([^"]*)",kind="([^"]*)",what="([^"]*)"\} ([0-9.e+-]+)$/gm;
  for (const m of (await response.text()).matchAll(line)) totals.set(`${m[1]}\t${m[2]}\t${m[3]}`, Number(m[4]));
  return totals;
}

export interface IoDenominators {
  inbound: number;
  statusWebhooks: number;
  replies: number;
  reads: number;
}

/** Stage totals per inbound message, then each stage's statements per the unit they serve. */
export function formatIo(before: IoTotals, after: IoTotals, d: IoDenominators): string {
  const byStage = new Map<string, Map<string, number>>();
  for (const [key, n] of after) {
    const delta = n - (before.get(key) ?? 0);
    if (delta <= 0) continue;
    const [stage, kind, what] = key.split('\t') as [string, string, string];
    const stmts = byStage.get(stage) ?? new Map<string, number>();
    stmts.set(`${kind} ${what}`, delta);
    byStage.set(stage, stmts);
  }
  const per = (n: number, of: number) => (n / Math.max(1, of)).toFixed(2);
  const lines = [
    `  io: ${d.inbound} inbound messages, ${d.statusWebhooks} status webhooks, ${d.replies} replies, ${d.reads} read receipts`,
  ];
  const sum = (m: Map<string, number>, kind: string) =>
    [...m].filter(([k]) => k.startsWith(kind)).reduce((s, [, n]) => s + n, 0);
  let sql = 0;
  let redis = 0;
  for (const [stage, stmts] of [...byStage].sort()) {
    sql += sum(stmts, 'sql');
    redis += sum(stmts, 'redis');
    lines.push(
      `  io ${stage}: ${per(sum(stmts, 'sql'), d.inbound)} sql + ${per(sum(stmts, 'redis'), d.inbound)} redis per inbound message`,
    );
    for (const [what, n] of [...stmts].sort((a, b) => b[1] - a[1]).slice(0, 8))
      lines.push(`      ${String(n).padStart(7)}  ${what}`);
  }
  lines.push(`  io total: ${per(sql, d.inbound)} sql + ${per(redis, d.inbound)} redis per inbound message`);
  return lines.join('\n');
}
