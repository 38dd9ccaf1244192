import { parse } from 'csv-parse/sync';
import { csvCell } from '../contacts/write-contacts-csv.ts';
import { headerKey } from '../contacts/read-contacts-csv.ts';
import { AppError } from '../http/errors.ts';

/** A product as one CSV line: the columns the export writes and the import reads back. */
export interface CsvProduct {
  sku: string | null;
  category: string;
  name: string;
  description: string;
  priceCents: number;
  promoPriceCents: number | null;
  stock: number | null;
  active: boolean;
  attributes: Record<string, string>;
  /** A variant's `sku` absent (a CSV without one) keeps the variant's current SKU on import. */
  variants: { name: string; priceCents: number; promoPriceCents: null; stock: number | null; sku?: string | null }[];
  imageUrl: string | null;
}

export const csvHeader = [
  'sku',
  'categoria',
  'nome',
  'descricao',
  'preco',
  'preco_promocional',
  'estoque',
  'ativo',
  'atributos',
  'variantes',
  'imagem',
] as const;

const reais = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** "quartos=3; bairro=Centro" */
const attributesCell = (a: Record<string, string>) =>
  Object.entries(a)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** "Grande=52,00/3 [PZ-G]; Broto=30,00": name = price [/ stock] [[SKU]] */
const variantsCell = (v: CsvProduct['variants']) =>
  v
    .map((x) => `${x.name}=${reais(x.priceCents)}${x.stock === null ? '' : `/${x.stock}`}${x.sku ? ` [${x.sku}]` : ''}`)
    .join('; ');

/** The catalog as CSV (BOM first, so spreadsheets open it as UTF-8); the import reads it back unchanged. */
export function catalogCsv(products: CsvProduct[]): string {
  const lines = products.map((p) =>
    [
      p.sku ?? '',
      p.category,
      p.name,
      p.description,
      reais(p.priceCents),
      p.promoPriceCents === null ? '' : reais(p.promoPriceCents),
      p.stock === null ? '' : String(p.stock),
      p.active ? 'sim' : 'não',
      attributesCell(p.attributes),
      variantsCell(p.variants),
      p.imageUrl ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[csvHeader.join(','), ...lines].join('\r\n')}\r\n`;
}

/** "45,90", "45.90", "R$ 1.234,56" → cents; null when it is no price. */
export function readCents(text: string): number | null {
  const t = text.replace(/R\$|\s/g, '');
  if (t === '') return null;
  const normalized = /,\d{1,2}$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

export interface CsvLineError {
  line: number;
  reason: string;
}

/** The CSV text → products and the lines that could not be read, each with why. An unreadable file is a 400. */
export function readCatalogCsv(text: string): {
  products: (CsvProduct & { line: number })[];
  rejected: CsvLineError[];
} {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const body = text.replace(/^\uFEFF/, '');
    const header = body.slice(0, body.search(/\r?\n|$/));
    const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
    // With `info: true` each record comes as { record, info }; the library's types do not follow the option.
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch {
    throw new AppError(400, 'invalid_csv', 'Não conseguimos ler o arquivo como CSV.');
  }
  const [head, ...rows] = records;
  const keys = (head?.record ?? []).map(headerKey);
  const col = (name: (typeof csvHeader)[number]) => keys.indexOf(name);
  if (col('nome') < 0 || col('preco') < 0 || col('categoria') < 0)
    throw new AppError(400, 'invalid_csv', 'O CSV precisa das colunas categoria, nome e preco.');
  if (rows.length > 5000) throw new AppError(400, 'invalid_csv', 'No máximo 5.000 produtos por arquivo.');

  const products: (CsvProduct & { line: number })[] = [];
  const rejected: CsvLineError[] = [];
  for (const { record, info } of rows) {
    const cell = (name: (typeof csvHeader)[number]) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const line = info.lines;
    const reject = (reason: string) => rejected.push({ line, reason });
    const name = cell('nome');
    const category = cell('categoria');
    const price = readCents(cell('preco'));
    if (!name || name.length > 24) {
      reject('nome vazio ou com mais de 24 caracteres');
      continue;
    }
    if (!category || category.length > 24) {
      reject('categoria vazia ou com mais de 24 caracteres');
      continue;
    }
    if (price === null) {
      reject(`preço inválido: "${cell('preco')}"`);
      continue;
    }
    const stockText = cell('estoque');
    const stock = stockText === '' ? null : Number(stockText);
    if (stock !== null && (!Number.isInteger(stock) || stock < 0)) {
      reject(`estoque inválido: "${stockText}"`);
      continue;
    }
    const variants = readVariants(cell('variantes'));
    if (variants === null) {
      reject(`variantes inválidas: "${cell('variantes')}" (use Nome=preço/estoque [SKU]; separadas por ";")`);
      continue;
    }
    const image = cell('imagem');
    products.push({
      line,
      sku: cell('sku') || null,
      category,
      name,
      description: cell('descricao').slice(0, 1000),
      priceCents: price,
      promoPriceCents: readCents(cell('preco_promocional')),
      stock,
      active: !['nao', 'não', 'n', 'no', 'false', '0'].includes(cell('ativo').toLowerCase()),
      attributes: readAttributes(cell('atributos')),
      variants,
      imageUrl: /^https?:\/\//.test(image) ? image : null,
    });
  }
  return { products, rejected };
}

function readAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0)
      out[pair.slice(0, at).trim().slice(0, 40)] = pair
        .slice(at + 1)
        .trim()
        .slice(0, 200);
  }
  return out;
}

function readVariants(text: string): CsvProduct['variants'] | null {
  if (text.trim() === '') return [];
  const out: CsvProduct['variants'] = [];
  for (const part of text.split(';')) {
    const m = /^\s*([^=]{1,24}?)\s*=\s*([^/[]+?)\s*(?:\/\s*(\d+))?\s*(?:\[\s*([^\][]{1,60}?)\s*\])?\s*$/.exec(part);
    const price = m ? readCents(m[2] ?? '') : null;
    if (!m || price === null) return null;
    const variant: CsvProduct['variants'][number] = {
      name: m[1] ?? '',
      priceCents: price,
      promoPriceCents: null,
      stock: m[3] ? Number(m[3]) : null,
    };
    // Only a written SKU is set: an older file without them leaves the variants' SKUs as they are.
    if (m[4]) variant.sku = m[4];
    out.push(variant);
  }
  return out;
}
