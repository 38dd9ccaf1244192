import { z } from 'zod';
import { blockedCause, publicFetch } from '../net/public-fetch.ts';
import { classifyGraphError, type GraphErrorClass } from './graph-errors.ts';
import { createJsonTransport } from './json-transport.ts';
import { markAsReadPayload } from './to-graph-message.ts';

export interface GraphClientOptions {
  /** `https://graph.facebook.com`, or a local fake in tests. */
  baseUrl: string;
  /** `v23.0`… */
  version: string;
  /**
   * Media downloads from the Graph API's own origin (streamed with a size cap); API calls use
   * `json-transport.ts`.
   */
  fetch?: typeof fetch;
  /**
   * Media downloads from any other origin (Meta's CDN): the URL comes from an answer, so it may
   * only reach public addresses. Tests point the Graph API at a loopback fake, whose media URLs
   * share its origin and so take `fetch`.
   */
  publicFetch?: typeof fetch;
  /** Per request, body included. */
  timeoutMs: number;
  /** How long a kept-alive socket may sit unused and still be reused (see `json-transport.ts`). */
  maxIdleMs?: number;
}

export type GraphResult<T> = ({ ok: true } & T) | { ok: false; error: GraphErrorClass };

export interface MediaInfo {
  url: string;
  mimeType: string;
  /** As Meta gives it (hex here, base64 in webhooks). */
  sha256: string;
  fileSize: number;
}

export interface GraphClient {
  sendMessage(
    phoneNumberId: string,
    accessToken: string,
    payload: Record<string, unknown>,
  ): Promise<GraphResult<{ wamid: string }>>;
  markAsRead(
    phoneNumberId: string,
    accessToken: string,
    wamid: string,
    options?: { typing?: boolean },
  ): Promise<GraphResult<object>>;
  /** Throws `GraphApiError`. */
  getMedia(mediaId: string, accessToken: string): Promise<MediaInfo>;
  /** Throws `GraphApiError`, also when the file is larger than `maxBytes`. */
  downloadMedia(url: string, accessToken: string, maxBytes: number): Promise<Uint8Array>;
}

/** A failed media call; sends return their errors instead, since the sender acts on them. */
export class GraphApiError extends Error {
  constructor(readonly error: GraphErrorClass) {
    super(`Graph API ${error.kind}${error.code === null ? '' : ` #${error.code}`}: ${error.message}`);
    this.name = 'GraphApiError';
  }
}

const sendAnswer = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const mediaAnswer = z.object({
  url: z.string().url(),
  mime_type: z.string(),
  sha256: z.string(),
  file_size: z.coerce.number().int().nonnegative(),
});

interface Answer {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/**
 * Calls to Meta's Graph API for one deployment, over kept-alive connections: on the sender's
 * hot path a TLS handshake per message would cost more than the call itself.
 */
export function createGraphClient({
  baseUrl,
  version,
  fetch: fetchFn = fetch,
  publicFetch: publicFetchFn = publicFetch,
  timeoutMs,
  maxIdleMs,
}: GraphClientOptions): GraphClient & { close(): void } {
  const root = `${baseUrl.replace(/\/+$/, '')}/${version}`;
  // The operator chose this origin (WHATSAPP_GRAPH_URL), so it is trusted even on a private address.
  const graphOrigin = new URL(baseUrl).origin;
  const transport = createJsonTransport({ timeoutMs, ...(maxIdleMs !== undefined && { maxIdleMs }) });

  async function call(method: string, path: string, token: string, body?: unknown): Promise<Answer | GraphErrorClass> {
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await transport.send(
        method,
        `${root}/${path}`,
        headers,
        body === undefined ? undefined : JSON.stringify(body),
      );
      return { status: res.status, body: parseJson(res.text), retryAfter: res.retryAfter };
    } catch (error) {
      return unreachable(error);
    }
  }

  function unreachable(error: unknown): GraphErrorClass {
    // No answer means we cannot know whether Meta accepted the message: retrying may duplicate
    // it, but Meta has no idempotency key, and a lost reply is worse than a repeated one.
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      kind: 'retry',
      code: null,
      message: timedOut ? `no answer within ${timeoutMs} ms` : `network error: ${errorText(error)}`,
      ...(provablyNotSent(error) && { notSent: true as const }),
    };
  }

  return {
    close: () => transport.close(),

    async sendMessage(phoneNumberId, accessToken, payload) {
      const answer = await call('POST', `${encodeURIComponent(phoneNumberId)}/messages`, accessToken, payload);
      if (!('status' in answer)) return { ok: false, error: answer };
      if (answer.status !== 200)
        return { ok: false, error: classifyGraphError(answer.status, answer.body, answer.retryAfter) };
      const parsed = sendAnswer.safeParse(answer.body);
      // Accepted without an id: retrying would likely duplicate the message, so give up on it.
      if (!parsed.success)
        return {
          ok: false,
          error: { kind: 'permanent', code: null, message: 'send answered 200 without a message id' },
        };
      return { ok: true, wamid: parsed.data.messages[0]!.id };
    },

    async markAsRead(phoneNumberId, accessToken, wamid, options) {
      const answer = await call(
        'POST',
        `${encodeURIComponent(phoneNumberId)}/messages`,
        accessToken,
        markAsReadPayload(wamid, options),
      );
      if (!('status' in answer)) return { ok: false, error: answer };
      if (answer.status !== 200)
        return { ok: false, error: classifyGraphError(answer.status, answer.body, answer.retryAfter) };
      return { ok: true };
    },

    async getMedia(mediaId, accessToken) {
      const answer = await call('GET', encodeURIComponent(mediaId), accessToken);
      if (!('status' in answer)) throw new GraphApiError(answer);
      if (answer.status !== 200)
        throw new GraphApiError(classifyGraphError(answer.status, answer.body, answer.retryAfter));
      const parsed = mediaAnswer.safeParse(answer.body);
      if (!parsed.success) throw new GraphApiError({ kind: 'retry', code: null, message: 'unexpected media answer' });
      const m = parsed.data;
      return { url: m.url, mimeType: m.mime_type, sha256: m.sha256, fileSize: m.file_size };
    },

    async downloadMedia(url, accessToken, maxBytes) {
      let res: Response;
      try {
        const download = new URL(url).origin === graphOrigin ? fetchFn : publicFetchFn;
        res = await download(url, {
          headers: { authorization: `Bearer ${accessToken}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // A media URL on a private address will not become public on the next pass.
        const blocked = blockedCause(error);
        if (blocked) throw new GraphApiError({ kind: 'permanent', code: null, message: blocked.message });
        throw new GraphApiError(unreachable(error));
      }
      if (res.status !== 200) {
        throw new GraphApiError(
          classifyGraphError(res.status, parseJson(await res.text().catch(() => '')), res.headers.get('retry-after')),
        );
      }
      return readCapped(res, maxBytes).catch((error: unknown) => {
        throw error instanceof GraphApiError ? error : new GraphApiError(unreachable(error));
      });
    },
  };
}

/** Reads a body, stopping as soon as it passes `maxBytes` (the declared length may be absent or lie). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new GraphApiError({ kind: 'permanent', code: null, message: `media larger than ${maxBytes} bytes` });
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Errors of opening a connection (name lookup, connect): nothing was written, so Meta has
 * nothing. Nor has it when writing the request itself failed (a reused socket the server had
 * already reset): the rest of the request never left, and no server acts on a body shorter
 * than its `content-length`. A reset or a timeout while reading the answer may come after
 * Meta took the message, and does not count: Meta has no idempotency key, so that send stays
 * in doubt and is reconciled (see `sender.ts`).
 */
const connectErrors = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
function provablyNotSent(error: unknown): boolean {
  type Coded = { code?: unknown; syscall?: unknown; cause?: { code?: unknown; syscall?: unknown } } | null;
  const e = error as Coded;
  const code = e?.code ?? e?.cause?.code;
  if (typeof code === 'string' && connectErrors.has(code)) return true;
  return (e?.syscall ?? e?.cause?.syscall) === 'write';
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
