import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an LLM node expects back (runtime/nodes/llm.ts `llmAnswer`). */
export interface FakeLlmAnswer {
  reply: string;
  score: number;
  route: 'continue' | 'done' | 'escalate';
  variables: Record<string, string>;
}

/** What an agent block's model says in one step: text, tool calls, or both. */
export interface FakeAgentAnswer {
  text?: string;
  tools?: { tool: string; input: Record<string, unknown> }[];
}

export interface FakeChatMessage {
  role: string;
  content: string;
  /** On assistant messages: the tools it called, by name. */
  toolCalls?: string[];
}

export interface FakeLlmOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get OpenAI's 401 answer. */
  apiKey?: string;
  /** Answers only after this long (a provider that hangs, for timeouts). */
  delayMs?: number;
}

export interface FakeLlm {
  /** Base URL for `AI_BASE_URL`, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Chat requests answered so far. */
  calls: number;
  /** `GET /v1/models` asked so far, refused ones too (publishing asks whether the provider is there). */
  modelListings: number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

// The AI SDK sends `content` as a string or as parts; the fake only needs the text.
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : ''))
      .join('');
  return '';
}

/**
 * An OpenAI-compatible `POST /v1/chat/completions` for processes we start (the server in
 * browser tests), answering every request with `answer(messages)`: the JSON an LLM node asks
 * for, or an agent's text and tool calls; and `GET /v1/models` with one model. Both refuse a
 * wrong key (401) and wait `delayMs` when asked. No real provider is reachable from tests.
 */
export async function startFakeLlmApi(
  answer: (messages: FakeChatMessage[]) => FakeLlmAnswer | FakeAgentAnswer,
  options: FakeLlmOptions = {},
): Promise<FakeLlm> {
  const fake: FakeLlm = { url: '', calls: 0, modelListings: 0, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    void (async () => {
      const models = req.method === 'GET' && req.url?.endsWith('/models');
      if (!models && (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      if (models) fake.modelListings++;
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
          }),
        );
        return;
      }
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (models) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ object: 'list', data: [{ id: 'fake', object: 'model', created: 0, owned_by: 'fake' }] }),
          );
        return;
      }
      const body = (await readJson(req)) as {
        model?: string;
        messages?: { role: string; content: unknown; tool_calls?: { function?: { name?: string } }[] }[];
      };
      const messages = (body.messages ?? []).map((m) => ({
        role: m.role,
        content: textOf(m.content),
        ...(m.tool_calls ? { toolCalls: m.tool_calls.map((c) => c.function?.name ?? '') } : {}),
      }));
      fake.calls++;
      const said = answer(messages);
      // An LLM block's structured answer is JSON text; an agent's step may call tools.
      const calls = 'reply' in said ? [] : (said.tools ?? []);
      const message =
        'reply' in said
          ? { role: 'assistant', content: JSON.stringify(said) }
          : {
              role: 'assistant',
              content: said.text ?? null,
              ...(calls.length
                ? {
                    tool_calls: calls.map((c, i) => ({
                      id: `call_${fake.calls}_${i}`,
                      type: 'function',
                      function: { name: c.tool, arguments: JSON.stringify(c.input) },
                    })),
                  }
                : {}),
            };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-fake-${fake.calls}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model ?? 'fake',
          choices: [
            {
              index: 0,
              message,
              finish_reason: calls.length ? 'tool_calls' : 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
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
