import type { CampaignRecipient } from '../../shared/api/campaigns.ts';
import { csvCell } from '../contacts/write-contacts-csv.ts';

/** A campaign's results as a spreadsheet: one line per audience row, with a BOM for UTF-8. */
export function recipientsCsv(rows: CampaignRecipient[]): string {
  const header = ['row', 'phone', 'name', 'outcome', 'skip_reason', 'error_code', 'error_reason'];
  const lines = rows.map((r) =>
    [String(r.row), r.phone, r.name, r.outcome, r.skipReason ?? '', r.error?.code ?? '', r.error?.reason ?? '']
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
