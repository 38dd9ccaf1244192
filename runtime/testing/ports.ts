import { MockLanguageModelV3 } from 'ai/test';
import type { AgendaRulesInput } from '../../shared/agenda/agenda.ts';
import type { CatalogPort, Category, HttpRequest, PixSetup, Ports, Product } from '../ports.ts';
import { fakeAgenda, type FakeBooking } from './fake-agenda.ts';

/** A clock that only moves when told to: tests never depend on real time. */
export class TestClock {
  private current: Date;
  constructor(start: Date | string = '2026-11-23T12:00:00.000Z') {
    this.current = new Date(start);
  }
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function sequentialIds(prefix = 'id'): Ports['ids'] {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
}

export function fakeCatalog(categories: Category[] = [], products: Product[] = []): CatalogPort {
  return {
    categories: async (ids) => (ids.length === 0 ? categories : categories.filter((c) => ids.includes(c.id))),
    products: async (categoryId) => products.filter((p) => p.categoryId === categoryId),
    product: async (id) => products.find((p) => p.id === id) ?? null,
  };
}

export interface ScriptedHttpResponse {
  /** Matches requests whose URL starts with this. */
  url: string;
  method?: string;
  status: number;
  /** A string is sent as-is; anything else as JSON. */
  body?: unknown;
  /** Throws like a refused address or a timeout would. */
  fail?: boolean;
}

/**
 * Answers with the first unused response whose URL prefix matches (the last matching one
 * once all are used); unmatched requests throw, as an unreachable host would.
 */
export function scriptedHttp(responses: ScriptedHttpResponse[], calls: HttpRequest[] = []): Ports['http'] {
  const used = new Set<number>();
  return async (req) => {
    calls.push(req);
    const matching = responses
      .map((r, i) => [r, i] as const)
      .filter(([r]) => req.url.startsWith(r.url) && (!r.method || r.method === req.method));
    const pick = matching.find(([, i]) => !used.has(i)) ?? matching.at(-1);
    if (!pick) throw new Error(`no scripted HTTP response for ${req.method} ${req.url}`);
    const [r, i] = pick;
    used.add(i);
    if (r.fail) throw new Error(`scripted failure for ${req.url}`);
    return { status: r.status, body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? null) };
  };
}

/** The structured answer the LLM node asks for. */
export interface ScriptedLlmAnswer {
  reply: string;
  score: number;
  route: 'continue' | 'done' | 'escalate';
  variables: Record<string, string>;
}

/** An agent's model call: plain text (its reply), tool calls, or both. */
export interface ScriptedAgentStep {
  text?: string;
  tools?: { tool: string; input: Record<string, unknown> }[];
}

/** One model call of a script: the LLM block's structured answer, an agent step, or a failure. */
export type ScriptedAnswer = ScriptedLlmAnswer | ScriptedAgentStep | Error;

function contentOf(answer: ScriptedLlmAnswer | ScriptedAgentStep, n: number) {
  if ('reply' in answer) return [{ type: 'text' as const, text: JSON.stringify(answer) }];
  return [
    ...(answer.text ? [{ type: 'text' as const, text: answer.text }] : []),
    ...(answer.tools ?? []).map((t, i) => ({
      type: 'tool-call' as const,
      toolCallId: `call-${n}-${i}`,
      toolName: t.tool,
      input: JSON.stringify(t.input),
    })),
  ];
}

/**
 * An LLM that replies with these answers in order, through the AI SDK's own mock model.
 * An `Error` entry makes that call fail like a provider error; running out also fails.
 */
export function scriptedLlm(answers: ScriptedAnswer[]): MockLanguageModelV3 {
  let n = 0;
  return new MockLanguageModelV3({
    doGenerate: async () => {
      const answer = answers[n++];
      if (answer === undefined) throw new Error('scripted LLM has no more answers');
      if (answer instanceof Error) throw answer;
      const content = contentOf(answer, n);
      return {
        content,
        finishReason: { unified: content.some((c) => c.type === 'tool-call') ? 'tool-calls' : 'stop', raw: undefined },
        usage: {
          inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 10, text: 10, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

export interface TestPortsOptions {
  clock?: TestClock;
  categories?: Category[];
  products?: Product[];
  http?: ScriptedHttpResponse[];
  llm?: ScriptedAnswer[] | null;
  agendas?: Record<string, AgendaRulesInput>;
  /** Filled with the bookings made, for tests to inspect (and to start with some taken). */
  bookings?: FakeBooking[];
  /** The business's Pix; null: none set up (payment blocks take `error`). Default: `testPix`. */
  pix?: Omit<PixSetup, 'qrImageUrl'> | null;
}

/** A Pix setup for tests: the Banco Central manual's example key, name and city. */
export const testPix: Omit<PixSetup, 'qrImageUrl'> = {
  key: '123e4567-e12b-12d1-a456-426655440000',
  merchantName: 'Fulano de Tal',
  merchantCity: 'BRASILIA',
  expiryMinutes: 60,
  paymentConfiguration: null,
};

export interface TestPorts {
  ports: Ports;
  clock: TestClock;
  httpCalls: HttpRequest[];
}

export function testPorts(o: TestPortsOptions = {}): TestPorts {
  const clock = o.clock ?? new TestClock();
  const httpCalls: HttpRequest[] = [];
  const ports: Ports = {
    clock,
    ids: sequentialIds(),
    http: scriptedHttp(o.http ?? [], httpCalls),
    llm: o.llm === null ? null : scriptedLlm(o.llm ?? []),
    catalog: fakeCatalog(o.categories, o.products),
    agenda: fakeAgenda(o.agendas ?? {}, clock, o.bookings),
    payments: {
      pix: async () => {
        const pix = o.pix === undefined ? testPix : o.pix;
        return pix && { ...pix, qrImageUrl: (reference) => `https://fluxo.test/pix/${reference}.png` };
      },
    },
  };
  return { ports, clock, httpCalls };
}
