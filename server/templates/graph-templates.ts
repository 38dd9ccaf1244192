import { z } from 'zod';

/**
 * Meta's template object as `GET /{waba-id}/message_templates` returns it. Lenient: a field
 * Meta adds or leaves out must not stop a sync, so only what Fluxo uses is read.
 */
export const graphTemplate = z.object({
  id: z.coerce.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string().catch('UNKNOWN'),
  parameter_format: z.enum(['POSITIONAL', 'NAMED']).catch('POSITIONAL').default('POSITIONAL'),
  components: z.array(z.record(z.string(), z.unknown())).catch([]).default([]),
  // An object ({ score, date }), not a string (see META-TEMPLATES.md §1.2).
  quality_score: z.object({ score: z.string() }).partial().nullable().catch(null).optional(),
  rejected_reason: z.string().nullable().catch(null).optional(),
});
export type GraphTemplate = z.infer<typeof graphTemplate>;

const page = z.object({
  data: z.array(z.unknown()),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/** The fields asked for: the defaults leave out quality and rejection reason. */
export const templateFields =
  'id,name,language,status,category,sub_category,parameter_format,components,quality_score,rejected_reason';

export type FetchTemplatesResult = { ok: true; templates: GraphTemplate[] } | { ok: false; error: string };

export interface GraphEndpoint {
  baseUrl: string;
  version: string;
  timeoutMs: number;
}

/** Pages Meta may hand out before we stop: 100 × 100 covers the 6,000-template ceiling. */
const maxPages = 100;

/**
 * Every template of a WABA, following `paging.next` until Meta gives no more. Never throws:
 * Meta's refusal (190 bad token, 200 missing `whatsapp_business_management`...) is an outcome.
 */
export async function fetchTemplates(
  { baseUrl, version, timeoutMs }: GraphEndpoint,
  wabaId: string,
  accessToken: string,
): Promise<FetchTemplatesResult> {
  const templates: GraphTemplate[] = [];
  let url: string | undefined =
    `${baseUrl.replace(/\/+$/, '')}/${version}/${encodeURIComponent(wabaId)}/message_templates?fields=${templateFields}&limit=100`;
  for (let n = 0; url && n < maxPages; n++) {
    let res: Response;
    let body: unknown;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.json().catch(() => null);
    } catch {
      return { ok: false, error: 'Não foi possível consultar a Graph API.' };
    }
    if (!res.ok) return { ok: false, error: metaError(body) ?? `HTTP ${res.status}` };
    const parsed = page.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'A Graph API respondeu algo inesperado.' };
    for (const item of parsed.data.data) {
      const t = graphTemplate.safeParse(item);
      if (t.success) templates.push(t.data);
    }
    url = parsed.data.paging?.next;
  }
  return { ok: true, templates };
}

function metaError(body: unknown): string | null {
  const e = z.object({ error: z.object({ code: z.number().optional(), message: z.string() }) }).safeParse(body);
  return e.success ? `${e.data.error.code ?? ''} ${e.data.error.message}`.trim() : null;
}
