import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of the chat completions endpoint. */
export type FakeAgentReply =
  | { text?: string; toolCalls?: { name: string; arguments: Record<string, unknown> }[] }
  /** An error answer as OpenAI writes it (429 rate limit, 500...). */
  | { status: number; message: string };

export interface FakeAgentRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content?: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  tools: { type: string; function: { name: string } }[];
}

/** A `POST /audio/transcriptions` as received (multipart, as OpenAI takes it). */
export interface FakeTranscriptionRequest {
  model: string;
  fileName: string;
  fileType: string;
  fileBytes: number[];
  authorization: string | undefined;
}

export interface FakeAgentLlm {
  url: string;
  requests: FakeAgentRequest[];
  transcriptions: FakeTranscriptionRequest[];
  close(): Promise<void>;
}

async function readTranscription(req: IncomingMessage): Promise<FakeTranscriptionRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  // Node's own multipart parser (undici), as a server framework would use.
  const form = await new Response(Buffer.concat(chunks), {
    headers: { 'content-type': req.headers['content-type'] ?? '' },
  }).formData();
  const file = form.get('file');
  const blob = file instanceof Blob ? file : new Blob([]);
  return {
    model: String(form.get('model') ?? ''),
    fileName: file instanceof File ? file.name : '',
    fileType: blob.type,
    fileBytes: [...new Uint8Array(await blob.arrayBuffer())],
    authorization: req.headers.authorization,
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };

function toolCallsOf(reply: { toolCalls?: { name: string; arguments: Record<string, unknown> }[] }, n: number) {
  return (reply.toolCalls ?? []).map((t, i) => ({
    id: `call_${n}_${i}`,
    type: 'function',
    function: { name: t.name, arguments: JSON.stringify(t.arguments) },
  }));
}

function answerJson(
  res: ServerResponse,
  body: FakeAgentRequest,
  reply: { text?: string; toolCalls?: { name: string; arguments: Record<string, unknown> }[] },
  n: number,
) {
  const toolCalls = toolCallsOf(reply, n);
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      id: `chatcmpl-agent-${n}`,
      object: 'chat.completion',
      created: 1_764_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.text ?? null,
            ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
        },
      ],
      usage,
    }),
  );
}

/** The same answer as server-sent `chat.completion.chunk` events, ending with `[DONE]`. */
function answerStream(
  res: ServerResponse,
  body: FakeAgentRequest,
  reply: { text?: string; toolCalls?: { name: string; arguments: Record<string, unknown> }[] },
  n: number,
) {
  const toolCalls = toolCallsOf(reply, n);
  const chunk = (delta: unknown, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: `chatcmpl-agent-${n}`, object: 'chat.completion.chunk', created: 1_764_000_000, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(chunk({ role: 'assistant', content: '' }, null));
  if (reply.text) for (const word of reply.text.split(/(?<= )/)) res.write(chunk({ content: word }, null));
  toolCalls.forEach((t, index) => {
    res.write(
      chunk(
        { tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.function.name, arguments: '' } }] },
        null,
      ),
    );
    res.write(chunk({ tool_calls: [{ index, function: { arguments: t.function.arguments } }] }, null));
  });
  res.write(chunk({}, toolCalls.length ? 'tool_calls' : 'stop', { usage }));
  res.end('data: [DONE]\n\n');
}

/**
 * An OpenAI-compatible `POST /v1/chat/completions` that answers with scripted replies in order
 * (text, tool calls, or an error status such as 429), as JSON or, when asked to stream, as
 * server-sent chunks; `POST /v1/audio/transcriptions` (multipart) answering `{ text }`; and
 * `GET /v1/models` (one model), which publishing probes. Records
 * requests: chat messages as sent (image content parts included) and the transcription forms.
 */
export async function startFakeAgentLlmApi(
  replies: FakeAgentReply[],
  options: { transcription?: string } = {},
): Promise<FakeAgentLlm> {
  const fake: FakeAgentLlm = { url: '', requests: [], transcriptions: [], close: () => Promise.resolve() };
  let n = 0;
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'POST' && req.url?.endsWith('/audio/transcriptions')) {
        fake.transcriptions.push(await readTranscription(req));
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ text: options.transcription ?? '' }));
        return;
      }
      if (req.method === 'GET' && req.url?.endsWith('/models')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ object: 'list', data: [{ id: 'fake', object: 'model', created: 0, owned_by: 'fake' }] }),
          );
        return;
      }
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const raw = (await readJson(req)) as Partial<FakeAgentRequest>;
      const body: FakeAgentRequest = {
        model: raw.model ?? 'fake',
        stream: raw.stream === true,
        messages: raw.messages ?? [],
        tools: raw.tools ?? [],
      };
      fake.requests.push(body);
      const reply = replies[n++] ?? { status: 500, message: 'the fake has no more scripted replies' };
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: {
              message: reply.message,
              type: 'requests',
              code: reply.status === 429 ? 'rate_limit_exceeded' : null,
            },
          }),
        );
        return;
      }
      if (body.stream) answerStream(res, body, reply, n);
      else answerJson(res, body, reply, n);
    })().catch((error: unknown) => {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
