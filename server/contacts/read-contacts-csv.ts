import { parse } from 'csv-parse/sync';
import { readRowPhone } from '../../shared/api/campaigns.ts';
import type { ContactFieldValues } from '../../shared/api/contacts.ts';
import type { ImportedContact } from '../db/queries/contacts.ts';
import { AppError } from '../http/errors.ts';

/** A line the file cannot give us, with why, for the import's per-row report. */
export interface RejectedLine {
  line: number;
  phone: string;
  name: string;
  reason: string;
}

const maxLines = 10_000;
const maxFieldLength = 1000;

/** Header words people use (pt-BR and English), after `headerKey`, to the column they mean. */
const knownColumns: Record<string, 'name' | 'phone' | 'tags' | 'opted_out' | 'ignored'> = {
  name: 'name',
  nome: 'name',
  phone: 'phone',
  telefone: 'phone',
  celular: 'phone',
  whatsapp: 'phone',
  numero: 'phone',
  tags: 'tags',
  tag: 'tags',
  etiquetas: 'tags',
  opted_out: 'opted_out',
  opt_out: 'opted_out',
  optout: 'opted_out',
  descadastrado: 'opted_out',
  // Columns our own export writes that are not the contact's to set.
  last_activity: 'ignored',
  ultima_atividade: 'ignored',
  flow: 'ignored',
  fluxo: 'ignored',
  id: 'ignored',
};

/** "Data de Nascimento" → "data_de_nascimento": a header as a field (and flow variable) name. */
export function headerKey(header: string): string {
  const key = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64);
  return /^[0-9]/.test(key) ? `_${key}` : key;
}

const yes = new Set(['sim', 's', 'yes', 'y', 'true', '1', 'x']);
const no = new Set(['nao', 'não', 'n', 'no', 'false', '0']);

/** Spreadsheets in Brazil save with ";" (the comma is the decimal mark); whichever the header uses more. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * The CSV text → contacts to store and lines rejected, each rejected line with its reason.
 * Columns: name, phone, tags (separated by "," ";" or "|"), opted_out (sim/não), and every other
 * column becomes a custom field named after its header. A file we cannot read at all is a 400.
 */
export function readContactsCsv(text: string): { contacts: ImportedContact[]; rejected: RejectedLine[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes as { record, info }; the library's types do not follow the option.
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new AppError(400, 'invalid_csv', `Não foi possível ler o CSV: ${(err as Error).message}`);
  }
  const [header, ...lines] = records;
  if (!header) throw new AppError(400, 'invalid_csv', 'O arquivo está vazio.');
  if (lines.length > maxLines) throw new AppError(400, 'too_many_rows', `No máximo ${maxLines} linhas por importação.`);
  const columns = header.record.map((h) => {
    const key = headerKey(h);
    return { key, role: knownColumns[key] ?? (key ? ('field' as const) : ('ignored' as const)) };
  });
  if (!columns.some((c) => c.role === 'phone')) {
    throw new AppError(400, 'missing_phone_column', 'O CSV precisa de uma coluna "telefone" (ou "phone").');
  }

  const contacts: ImportedContact[] = [];
  const rejected: RejectedLine[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of lines) {
    const line = info.lines;
    const cell = (role: string) => record[columns.findIndex((c) => c.role === role)]?.trim() ?? '';
    const typed = cell('phone');
    const name = cell('name').slice(0, 120);
    const reject = (reason: string) => rejected.push({ line, phone: typed, name, reason });
    const read = readRowPhone(typed, line - 1);
    if ('issue' in read) {
      reject(read.issue);
      continue;
    }
    const seen = firstLineOf.get(read.phone);
    if (seen !== undefined) {
      reject(`linha ${line}: número repetido (já na linha ${seen})`);
      continue;
    }
    const optCell = cell('opted_out').toLowerCase();
    if (optCell && !yes.has(optCell) && !no.has(optCell)) {
      reject(`linha ${line}: opted_out "${optCell}" deve ser sim ou não`);
      continue;
    }
    const fields: ContactFieldValues = {};
    let tooLong: string | null = null;
    columns.forEach((c, i) => {
      const value = record[i]?.trim() ?? '';
      if (c.role !== 'field' || value === '') return;
      if (value.length > maxFieldLength) tooLong = c.key;
      fields[c.key] = value;
    });
    if (tooLong) {
      reject(`linha ${line}: o campo "${tooLong}" passa de ${maxFieldLength} caracteres`);
      continue;
    }
    const tags = [
      ...new Set(
        cell('tags')
          .split(/[,;|]/)
          .map((t) => t.trim().slice(0, 40))
          .filter(Boolean),
      ),
    ].slice(0, 30);
    firstLineOf.set(read.phone, line);
    contacts.push({ line, waId: read.phone, name, tags, fields, optedOut: optCell ? yes.has(optCell) : null });
  }
  return { contacts, rejected };
}
