import { z } from 'zod';
import type { PhoneNumberFacts } from '../../shared/api/channel-checks.ts';

export type PhoneNumberCheck =
  { ok: true; number: PhoneNumberFacts } | { ok: false; error: { code: number | null; message: string } };

export interface PhoneNumberCheckOptions {
  /** `https://graph.facebook.com`, or a local fake in tests. */
  baseUrl: string;
  version: string;
  timeoutMs: number;
}

export const phoneNumberFields = 'display_phone_number,verified_name,quality_rating,throughput';

/**
 * Messages per second of each throughput level Meta reports (META-WHATSAPP.md §7): 80 by default,
 * 1,000 after Meta's automatic upgrade. Other levels (`NOT_APPLICABLE`) say nothing.
 */
const throughputLevels: Record<string, number> = { STANDARD: 80, HIGH: 1000 };

const answer = z.object({
  display_phone_number: z.string().optional().catch(undefined),
  verified_name: z.string().optional().catch(undefined),
  quality_rating: z.string().optional().catch(undefined),
  throughput: z.object({ level: z.string() }).optional().catch(undefined),
});

/**
 * Asks Meta about one number with the channel's token: the cheapest call that proves the token
 * is valid and can see this number. Never throws: Meta's refusal and an unreachable Graph API
 * are outcomes to show the admin, not failures of ours.
 */
export async function checkPhoneNumber(
  { baseUrl, version, timeoutMs }: PhoneNumberCheckOptions,
  phoneNumberId: string,
  accessToken: string,
): Promise<PhoneNumberCheck> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${version}/${encodeURIComponent(phoneNumberId)}?fields=${phoneNumberFields}`;
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      error: {
        code: null,
        message: timedOut ? `A Graph API não respondeu em ${timeoutMs} ms.` : 'Não foi possível conectar à Graph API.',
      },
    };
  }
  const body = parseJson(text);
  if (status !== 200) return { ok: false, error: refusal(status, body) };
  const facts = answer.safeParse(body);
  if (!facts.success) return { ok: false, error: { code: null, message: 'A Graph API respondeu algo inesperado.' } };
  return {
    ok: true,
    number: {
      displayPhoneNumber: facts.data.display_phone_number ?? null,
      verifiedName: facts.data.verified_name ?? null,
      qualityRating: facts.data.quality_rating ?? null,
      throughput: throughputLevels[facts.data.throughput?.level ?? ''] ?? null,
    },
  };
}

const envelope = z.object({
  error: z.object({
    code: z.coerce.number().int().optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    error_data: z.object({ details: z.string().optional() }).optional().catch(undefined),
  }),
});

/** Meta's own words: its `message` (OAuth errors carry no `error_data`), else the details. */
function refusal(status: number, body: unknown): { code: number | null; message: string } {
  const parsed = envelope.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  return { code: error?.code ?? null, message: error?.message || error?.error_data?.details || `HTTP ${status}` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
