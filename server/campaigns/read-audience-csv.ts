import type { CampaignAudienceRecipient } from '../../shared/api/campaigns.ts';
import { readContactsCsv } from '../contacts/read-contacts-csv.ts';

/**
 * A CSV uploaded for a campaign → its audience, read like the contacts' import (the same
 * Brazilian phone normaliser, `;` or `,`, headers as variable names): every column other than
 * the phone, name, tags and opt-out is a variable (`valor`, `vencimento`…). Rows left out are
 * reported one by one, naming the row; a file that cannot be read at all is a 400.
 */
export function readAudienceCsv(csv: string): {
  audience: CampaignAudienceRecipient[];
  columns: string[];
  issues: { row: number; message: string }[];
} {
  const { contacts, rejected } = readContactsCsv(csv);
  const columns = [...new Set(contacts.flatMap((c) => Object.keys(c.fields)))];
  return {
    audience: contacts.map((c) => ({
      phone: c.waId,
      name: c.name,
      variables: Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, v])),
    })),
    columns,
    issues: rejected.map((r) => ({ row: r.line, message: r.reason })),
  };
}
