import { z } from 'zod';
import type { MetaItemData } from './catalog-items.ts';

export interface GraphOptions {
  /** `https://graph.facebook.com`, or a local fake in tests. */
  baseUrl: string;
  version: string;
  timeoutMs: number;
}

export type BatchRequest =
  { method: 'CREATE' | 'UPDATE'; data: MetaItemData } | { method: 'DELETE'; data: { id: string } };

export type BatchAnswer =
  { ok: true; handles: string[]; errors: { retailerId: string; message: string }[] } | { ok: false; message: string };

const answer = z.object({
  handles: z.array(z.string()).catch([]),
  validation_status: z
    .array(
      z.object({
        retailer_id: z.string(),
        errors: z.array(z.object({ message: z.string() })).catch([]),
      }),
    )
    .catch([]),
});

const envelope = z.object({
  error: z.object({ message: z.string().optional(), error_user_msg: z.string().optional() }),
});

/**
 * `POST /{catalog-id}/items_batch` (Meta's Catalog Batch API for commerce): creates, updates and
 * deletes product items by retailer id. Meta answers at once with handles for the asynchronous
 * part and `validation_status` with the items it refused; `allow_upsert` makes a CREATE of an
 * item Meta already has an update instead of an error. Never throws.
 */
export async function postItemsBatch(
  { baseUrl, version, timeoutMs }: GraphOptions,
  metaCatalogId: string,
  accessToken: string,
  requests: BatchRequest[],
): Promise<BatchAnswer> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${version}/${encodeURIComponent(metaCatalogId)}/items_batch`;
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ item_type: 'PRODUCT_ITEM', allow_upsert: true, requests }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch {
    return { ok: false, message: 'Não foi possível conectar à Graph API.' };
  }
  const body = parseJson(text);
  if (status !== 200) {
    const error = envelope.safeParse(body);
    const said = error.success ? error.data.error.error_user_msg || error.data.error.message : undefined;
    return { ok: false, message: said || `HTTP ${status}` };
  }
  const parsed = answer.safeParse(body);
  if (!parsed.success) return { ok: false, message: 'A Graph API respondeu algo inesperado.' };
  return {
    ok: true,
    handles: parsed.data.handles,
    errors: parsed.data.validation_status.flatMap((v) =>
      v.errors.map((e) => ({ retailerId: v.retailer_id, message: e.message })),
    ),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
