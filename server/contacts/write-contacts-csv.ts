import type { DirectoryRow } from '../db/queries/contacts.ts';

/**
 * One CSV cell: quoted when it holds a separator, quote or line break; and a text a spreadsheet
 * would run as a formula ("=cmd|…", "+…", "-…", "@…") is prefixed with "'" so it stays text
 * (OWASP's CSV injection advice).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The contacts as a CSV file that the import reads back unchanged: name, phone, tags,
 * opted_out, last activity, current flow, then one column per custom field. Starts with a BOM
 * so spreadsheets open it as UTF-8.
 */
export function contactsCsv(rows: DirectoryRow[], fieldNames: string[]): string {
  const header = ['name', 'phone', 'tags', 'opted_out', 'last_activity', 'flow', ...fieldNames];
  const lines = rows.map((r) => {
    const fields = r.fields ?? {};
    const last = r.last_message_at ?? r.last_inbound_at;
    return [
      r.name,
      r.wa_id ?? '',
      r.tags.join(', '),
      r.opted_out_at ? 'sim' : 'não',
      last ? new Date(last).toISOString() : '',
      r.flow_name ?? '',
      ...fieldNames.map((f) => text(fields[f])),
    ]
      .map(csvCell)
      .join(',');
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
