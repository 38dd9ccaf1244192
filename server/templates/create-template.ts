import { z } from 'zod';
import type { GraphEndpoint } from './graph-templates.ts';

/** Meta's answer to a creation: the template's id, its review status and the category it took. */
const created = z.object({
  id: z.coerce.string(),
  status: z.string().default('PENDING'),
  category: z.string().optional(),
});

/** Meta's refusal as the user should read it: `error_user_msg` is written for people. */
export interface MetaRefusal {
  code: number | null;
  subcode: number | null;
  message: string;
  userTitle: string | null;
  userMessage: string | null;
}

const graphError = z.object({
  error: z.object({
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    message: z.string().default(''),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
  }),
});

export type CreateTemplateResult =
  | { ok: true; id: string; status: string; category?: string | undefined }
  | { ok: false; refusal: MetaRefusal }
  | { ok: false; unreachable: true };

/**
 * `POST /{waba-id}/message_templates`. Never throws: Meta's refusal (a name taken in that
 * language, 2388024; a bad format; 100 creations an hour) and an unreachable Graph are outcomes.
 */
export async function createTemplateAtMeta(
  { baseUrl, version, timeoutMs }: GraphEndpoint,
  wabaId: string,
  accessToken: string,
  body: Record<string, unknown>,
): Promise<CreateTemplateResult> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${version}/${encodeURIComponent(wabaId)}/message_templates`;
  let res: Response;
  let json: unknown;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    json = await res.json().catch(() => null);
  } catch {
    return { ok: false, unreachable: true };
  }
  if (res.ok) {
    const answer = created.safeParse(json);
    if (answer.success) return { ok: true, ...answer.data };
  }
  const e = graphError.safeParse(json);
  return {
    ok: false,
    refusal: e.success
      ? {
          code: e.data.error.code ?? null,
          subcode: e.data.error.error_subcode ?? null,
          message: e.data.error.message,
          userTitle: e.data.error.error_user_title ?? null,
          userMessage: e.data.error.error_user_msg ?? null,
        }
      : { code: null, subcode: null, message: `HTTP ${res.status}`, userTitle: null, userMessage: null },
  };
}
