import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { itemsBatch, type FakeCatalog } from './fake-graph-catalog.ts';
import { checkSendPayload } from './fake-graph-validate.ts';
import { createStatusPoster, type StatusCallback } from './fake-status-callbacks.ts';
import { checkTemplateCreate, checkTemplateSend, templatesPage, type FakeTemplate } from './fake-graph-templates.ts';

export { messageWebhook, metaJson, statusWebhook } from './webhook-payloads.ts';
export type { StatusCallback } from './fake-status-callbacks.ts';
export type { FakeTemplate } from './fake-graph-templates.ts';

export interface FakeGraphRequest {
  method: string;
  path: string;
  /** `send` is a real message, `read` a mark-as-read, `phone_number` a connection test; media calls and strays are the rest. */
  kind: 'send' | 'read' | 'media' | 'download' | 'phone_number' | 'templates' | 'catalog' | 'other';
  phoneNumberId: string | null;
  /** The bearer token, without `Bearer `. */
  token: string | null;
  body: unknown;
  at: Date;
  /** HTTP status answered, and the wamid given to an accepted send. */
  status: number;
  wamid?: string;
  /** Which TCP connection carried it: equal numbers prove keep-alive. */
  connection: number;
}

export interface Fault {
  status: number;
  code: number;
  message?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Only sends to this recipient (`wa_id`, with or without `+`, or user id) fail. */
  to?: string;
}

export interface FakeGraph {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no version, no trailing slash). */
  url: string;
  requests: FakeGraphRequest[];
  /** Accepted sends only: what a contact would have received. */
  sent(): FakeGraphRequest[];
  /** The next `n` matching sends fail with Meta's error envelope. */
  failNext(n: number, fault: Fault): void;
  /** Added before every answer (simulates Graph latency). */
  delayMs: number;
  /** Serves `GET /{version}/{id}` and the download URL it returns. */
  addMedia(id: string, bytes: Uint8Array, mimeType: string): void;
  /**
   * Serves `GET /{version}/{phone-number-id}?fields=…` (the connection test). With `token`, any
   * other bearer gets Meta's invalid-token error (190, OAuthException).
   */
  addPhoneNumber(id: string, number: FakePhoneNumber): void;
  /**
   * Serves a WABA's templates (`GET/POST /{waba-id}/message_templates`, paged) and checks template
   * sends from these numbers against them as Meta would (132001, 132000). The list is live: a
   * test may change a status in it.
   */
  addTemplates(wabaId: string, templates: FakeTemplate[], phoneNumberIds?: string[]): FakeTemplate[];
  /** Serves `POST /{catalog-id}/items_batch`; the map is live (retailer id → item as Meta holds it). */
  addCatalog(catalogId: string): FakeCatalog;
  waitForSent(count: number, timeoutMs?: number): Promise<FakeGraphRequest[]>;
  /** When set, every accepted send is followed by signed status webhooks to the server. */
  statusCallback: StatusCallback | null;
  /** Status webhooks answered 200 so far, and sends whose statuses are still being delivered. */
  statusCallbacks(): { posted: number; pending: number };
  /** Resolves when every status webhook so far was acknowledged. */
  statusCallbacksIdle(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

interface MediaItem {
  bytes: Uint8Array;
  mimeType: string;
}

export interface FakePhoneNumber {
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
  /** Meta's throughput level (`GET /{id}?fields=throughput` → `{ throughput: { level } }`); STANDARD when absent. */
  throughputLevel?: 'STANDARD' | 'HIGH' | 'NOT_APPLICABLE';
  token?: string;
}

const VERSION = /^v\d+\.\d+$/;

/**
 * A local stand-in for `graph.facebook.com` speaking Meta's wire format over real HTTP on
 * 127.0.0.1, for integration tests and the load benchmark (which pushes hundreds of sends a
 * second through it, so the hot path does no more than parse, check and answer).
 */
export async function startFakeGraphApi({
  port = 0,
  expectedToken,
  statusCallback = null,
}: { port?: number; expectedToken?: string; statusCallback?: StatusCallback | null } = {}): Promise<FakeGraph> {
  const instance = randomBytes(4).toString('hex').toUpperCase();
  let counter = 0;
  let requests: FakeGraphRequest[] = [];
  let accepted: FakeGraphRequest[] = [];
  let faults: { fault: Fault; left: number }[] = [];
  let media = new Map<string, MediaItem>();
  let phoneNumbers = new Map<string, FakePhoneNumber>();
  let templates = new Map<string, FakeTemplate[]>();
  let wabaOfNumber = new Map<string, string>();
  let catalogs = new Map<string, FakeCatalog>();
  let waiters: { count: number; resolve: () => void }[] = [];
  const connections = new WeakMap<Socket, number>();
  let connectionCount = 0;
  // Bumped by reset(): a request that arrived before it (e.g. still delayed) is answered but not recorded.
  let epoch = 0;
  const poster = createStatusPoster();

  const fake: FakeGraph = {
    url: '',
    get requests() {
      return requests;
    },
    sent: () => accepted.slice(),
    failNext: (n, fault) => void faults.push({ fault, left: n }),
    delayMs: 0,
    addMedia: (id, bytes, mimeType) => void media.set(id, { bytes, mimeType }),
    addPhoneNumber: (id, number) => void phoneNumbers.set(id, number),
    addTemplates(wabaId, list, phoneNumberIds = []) {
      const live = templates.get(wabaId) ?? [];
      live.push(...list);
      templates.set(wabaId, live);
      for (const id of phoneNumberIds) wabaOfNumber.set(id, wabaId);
      return live;
    },
    addCatalog(catalogId) {
      const live = catalogs.get(catalogId) ?? new Map();
      catalogs.set(catalogId, live);
      return live;
    },
    waitForSent(count, timeoutMs = 5000) {
      if (accepted.length >= count) return Promise.resolve(accepted.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`fake Graph API: ${accepted.length} of ${count} sends after ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(accepted.slice());
          },
        };
        waiters.push(waiter);
      });
    },
    statusCallback,
    statusCallbacks: () => ({ posted: poster.posted, pending: poster.pending }),
    statusCallbacksIdle: () => poster.idle(),
    reset() {
      epoch += 1;
      requests = [];
      accepted = [];
      faults = [];
      media = new Map();
      phoneNumbers = new Map();
      templates = new Map();
      wabaOfNumber = new Map();
      catalogs = new Map();
      fake.delayMs = 0;
    },
    close: () =>
      new Promise((resolve) => {
        poster.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const born = epoch;
    req.on('end', () => {
      const respond = () => handle(req, res, Buffer.concat(chunks), born === epoch);
      if (fake.delayMs > 0) setTimeout(respond, fake.delayMs);
      else respond();
    });
  });
  server.on('connection', (socket) => connections.set(socket, (connectionCount += 1)));
  server.keepAliveTimeout = 30_000;

  function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer, current: boolean) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const parts = url.pathname.split('/').filter(Boolean);
    const auth = req.headers.authorization ?? '';
    const record: FakeGraphRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      kind: 'other',
      phoneNumberId: null,
      token: auth.startsWith('Bearer ') ? auth.slice(7) : null,
      body: undefined,
      at: new Date(),
      status: 0,
      connection: connections.get(req.socket) ?? 0,
    };
    if (current) requests.push(record);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };

    if (expectedToken !== undefined && record.token !== expectedToken) {
      return answer(401, metaError(190, 'Invalid OAuth access token - Cannot parse access token'));
    }
    if (req.method === 'POST' && parts.length === 3 && VERSION.test(parts[0]!) && parts[2] === 'messages') {
      record.phoneNumberId = parts[1]!;
      try {
        record.body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(400, metaError(100, '(#100) The request body is not valid JSON'));
      }
      return onMessages(record, answer, current);
    }
    if (parts.length === 3 && VERSION.test(parts[0]!) && parts[2] === 'message_templates') {
      record.kind = 'templates';
      const list = templates.get(parts[1]!);
      if (!list) return answer(400, unknownObject(parts[1]!));
      if (req.method === 'GET') return answer(200, templatesPage(list, url.searchParams, `${fake.url}${req.url}`));
      if (req.method === 'POST') return onCreateTemplate(list, raw, record, answer);
    }
    if (req.method === 'POST' && parts.length === 3 && VERSION.test(parts[0]!) && parts[2] === 'items_batch') {
      record.kind = 'catalog';
      const catalog = catalogs.get(parts[1]!);
      if (!catalog) return answer(400, unknownObject(parts[1]!));
      try {
        record.body = JSON.parse(raw.toString('utf8'));
      } catch {
        return answer(400, metaError(100, '(#100) The request body is not valid JSON'));
      }
      const result = itemsBatch(catalog, record.body, `AbFake${instance}${(counter += 1).toString(36)}`);
      return answer(result.status, result.body);
    }
    if (req.method === 'GET' && parts.length === 2 && VERSION.test(parts[0]!) && phoneNumbers.has(parts[1]!)) {
      record.kind = 'phone_number';
      record.phoneNumberId = parts[1]!;
      return onPhoneNumber(phoneNumbers.get(parts[1]!)!, record, url.searchParams.get('fields'), answer);
    }
    if (req.method === 'GET' && parts.length === 2 && VERSION.test(parts[0]!)) {
      record.kind = 'media';
      const item = media.get(parts[1]!);
      if (!item) return answer(400, unknownObject(parts[1]!));
      return answer(200, {
        messaging_product: 'whatsapp',
        url: `${fake.url}/whatsapp_business/attachments/?mid=${encodeURIComponent(parts[1]!)}`,
        mime_type: item.mimeType,
        sha256: createHash('sha256').update(item.bytes).digest('hex'),
        file_size: String(item.bytes.length),
        id: parts[1],
      });
    }
    if (req.method === 'GET' && url.pathname === '/whatsapp_business/attachments/') {
      record.kind = 'download';
      const item = media.get(url.searchParams.get('mid') ?? '');
      if (!item) return answer(404, metaError(100, 'media not found'));
      record.status = 200;
      res.writeHead(200, { 'content-type': item.mimeType, 'content-length': String(item.bytes.length) });
      return void res.end(item.bytes);
    }
    return answer(400, metaError(100, `Unsupported ${req.method?.toLowerCase()} request.`));
  }

  type Answer = (status: number, payload: unknown, headers?: Record<string, string>) => void;

  function onPhoneNumber(number: FakePhoneNumber, record: FakeGraphRequest, fields: string | null, answer: Answer) {
    if (number.token !== undefined && record.token !== number.token) return answer(401, invalidTokenError());
    const all: Record<string, unknown> = {
      display_phone_number: number.displayPhoneNumber,
      verified_name: number.verifiedName,
      quality_rating: number.qualityRating,
      throughput: { level: number.throughputLevel ?? 'STANDARD' },
    };
    // Like Graph, only the fields asked for (and the id); without `fields`, Graph's defaults.
    const asked = fields
      ? fields.split(',').map((f) => f.trim())
      : ['verified_name', 'display_phone_number', 'quality_rating'];
    const unknown = asked.find((f) => !(f in all) && f !== 'id');
    if (unknown)
      return answer(
        400,
        metaError(
          100,
          `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessPhoneNumber)`,
        ),
      );
    return answer(200, {
      ...Object.fromEntries(asked.filter((f) => f in all).map((f) => [f, all[f]])),
      id: record.phoneNumberId,
    });
  }

  function onMessages(record: FakeGraphRequest, answer: Answer, current: boolean) {
    const body = record.body as Record<string, unknown>;
    if (body !== null && typeof body === 'object' && body.status === 'read') {
      record.kind = 'read';
      if (body.messaging_product !== 'whatsapp' || typeof body.message_id !== 'string') {
        return answer(400, metaError(100, '(#100) The parameter message_id is required.'));
      }
      return answer(200, { success: true });
    }
    record.kind = 'send';
    const problem = checkSendPayload(body);
    if (problem) return answer(400, metaError(problem.code, problem.message));
    const catalogue = templates.get(wabaOfNumber.get(record.phoneNumberId ?? '') ?? '');
    if (catalogue && body.type === 'template') {
      const refused = checkTemplateSend(body.template as Record<string, unknown>, catalogue);
      if (refused) return answer(400, metaError(refused.code, refused.message, refused.details));
    }
    const input = typeof body.to === 'string' ? body.to : String(body.recipient);
    const slot =
      current && faults.find((f) => f.left > 0 && (f.fault.to === undefined || sameRecipient(f.fault.to, input)));
    if (slot) {
      slot.left -= 1;
      faults = faults.filter((f) => f.left > 0);
      const { status, code, message = `(#${code}) fault injected by the fake Graph API`, retryAfter } = slot.fault;
      return answer(
        status,
        metaError(code, message),
        retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
      );
    }
    record.wamid = `wamid.FAKE${instance}${(counter += 1).toString(36).toUpperCase().padStart(8, '0')}`;
    const contact =
      typeof body.to === 'string' ? { input, wa_id: input.replace(/\D/g, '') } : { input, user_id: input };
    answer(200, { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id: record.wamid }] });
    if (!current) return;
    accepted.push(record);
    if (fake.statusCallback) {
      const echo = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
      poster.enqueue(fake.statusCallback, {
        phoneNumberId: record.phoneNumberId ?? '',
        wamid: record.wamid,
        to: input,
        bizOpaqueCallbackData: echo,
      });
    }
    if (waiters.length) {
      const ready = waiters.filter((w) => accepted.length >= w.count);
      waiters = waiters.filter((w) => accepted.length < w.count);
      for (const w of ready) w.resolve();
    }
  }

  /**
   * Meta's creation answer: the new template waits for review (PENDING). Refusals carry Meta's
   * `error_user_title`/`error_user_msg`: a name taken in that language (2388024), a variable
   * without an example, or one at the start or end of the body (2388299).
   */
  function onCreateTemplate(list: FakeTemplate[], raw: Buffer, record: FakeGraphRequest, answer: Answer) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      record.body = body;
    } catch {
      return answer(400, metaError(100, '(#100) The request body is not valid JSON'));
    }
    const refused = checkTemplateCreate(body, list);
    if (refused) {
      const { code, subcode, message, title, userMessage } = refused;
      return answer(400, metaError(code, message, undefined, subcode, { title, message: userMessage }));
    }
    const created: FakeTemplate = {
      id: String(9_000_000_000_000 + (counter += 1)),
      name: String(body.name),
      language: String(body.language),
      status: 'PENDING',
      category: String(body.category).toUpperCase(),
      ...(body.parameter_format === 'NAMED' && { parameter_format: 'NAMED' as const }),
      components: Array.isArray(body.components) ? (body.components as Record<string, unknown>[]) : [],
    };
    list.push(created);
    return answer(200, { id: created.id, status: created.status, category: created.category });
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function sameRecipient(a: string, b: string): boolean {
  return a.replace(/^\+/, '') === b.replace(/^\+/, '');
}

/** Graph's answer to a bad or expired token: an OAuthException without `error_data`. */
function invalidTokenError() {
  return {
    error: {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: `Afake${randomBytes(6).toString('hex')}`,
    },
  };
}

/** Graph's answer to a GET for an id it does not know (or the token cannot see). */
function unknownObject(id: string) {
  return {
    error: {
      message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: `Afake${randomBytes(6).toString('hex')}`,
    },
  };
}

/** Meta's Graph error envelope. */
function metaError(
  code: number,
  message: string,
  details = message,
  subcode?: number,
  user?: { title: string; message: string },
) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode !== undefined && { error_subcode: subcode }),
      ...(user && { is_transient: false, error_user_title: user.title, error_user_msg: user.message }),
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: `Afake${randomBytes(6).toString('hex')}`,
    },
  };
}
