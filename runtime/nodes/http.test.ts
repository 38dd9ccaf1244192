import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';
import { normalizePath } from './http.ts';
import type { ScriptedHttpResponse } from '../testing/ports.ts';

const flow = () =>
  buildFlow(
    [
      {
        id: 'h',
        type: 'http',
        data: {
          method: 'POST',
          url: 'https://api.example/clientes/{{contact.phone}}',
          headers: [{ name: 'Authorization', value: 'Bearer {{token}}' }],
          body: '{"nome":"{{contact.name}}"}',
          mappings: [
            { variable: 'cidade', path: '$.data.enderecos[0].cidade' },
            { variable: 'plano', path: 'data.plano' },
            { variable: 'faltando', path: 'x.y' },
          ],
          statusVariable: 'status',
        },
      },
      { id: 'ok', type: 'message', data: { text: 'ok {{cidade}} {{plano}}' } },
      { id: 'err', type: 'message', data: { text: 'erro {{status}}' } },
    ],
    [
      ['h', 'ok', 'ok'],
      ['h', 'error', 'err'],
    ],
    { variables: [{ name: 'token', type: 'string', initial: 't0k' }] },
  );

async function run(http: ScriptedHttpResponse[]) {
  const d = driver(flow(), { http });
  return { d, said: texts(await d.send('oi')) };
}

describe('http', () => {
  it('renders the request and maps JSON fields on 2xx', async () => {
    const { d, said } = await run([
      { url: 'https://api.example/', status: 201, body: { data: { plano: 'ouro', enderecos: [{ cidade: 'Natal' }] } } },
    ]);
    expect(said).toEqual(['ok Natal ouro']);
    expect(d.httpCalls[0]).toEqual({
      method: 'POST',
      url: 'https://api.example/clientes/5584991230001',
      headers: { Authorization: 'Bearer t0k', 'Content-Type': 'application/json' },
      body: '{"nome":"Ana Souza"}',
      timeoutMs: 10000,
    });
    expect(d.session?.variables).toMatchObject({ status: 201, faltando: null });
  });

  it.each([
    ['a non-2xx status', [{ url: 'https://api.example/', status: 500, body: 'boom' }], 'erro 500'],
    ['a network failure', [{ url: 'https://api.example/', status: 0, fail: true }], 'erro'],
    ['bad JSON with mappings', [{ url: 'https://api.example/', status: 200, body: '<html>' }], 'erro 200'],
  ])('takes error on %s', async (_why, http, expected) => {
    expect((await run(http)).said).toEqual([expected]);
  });

  it('keeps a JSON body valid whatever the contact typed, and numbers typed', async () => {
    const d = driver(
      buildFlow(
        [
          { id: 'q', type: 'question', data: { text: 'Nome?', variable: 'nome' } },
          {
            id: 'h',
            type: 'http',
            data: {
              method: 'POST',
              url: 'https://api.example/x',
              body: '{"nome": "{{nome}}", "idade": "{{idade}}", "txt": "tem {{idade}}"}',
            },
          },
        ],
        [['q', 'next', 'h']],
        { variables: [{ name: 'idade', type: 'number', initial: 30 }] },
      ),
      { http: [{ url: 'https://api.example/', status: 200 }] },
    );
    await d.send('oi');
    await d.send('Ana "A" \\ Souza');
    expect(JSON.parse(d.httpCalls[0]?.body ?? '')).toEqual({ nome: 'Ana "A" \\ Souza', idade: 30, txt: 'tem 30' });
  });

  it('renders a non-JSON body as plain text', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 'h',
            type: 'http',
            data: { method: 'POST', url: 'https://api.example/x', body: 'nome={{contact.name}}' },
          },
        ],
        [],
      ),
      { http: [{ url: 'https://api.example/', status: 200 }] },
    );
    await d.send('oi');
    expect(d.httpCalls[0]).toMatchObject({ body: 'nome=Ana Souza', headers: {} });
  });

  it('normalizes JSON paths', () => {
    expect(normalizePath('$.a.b[0].c')).toBe('a.b.0.c');
    expect(normalizePath('a.b.0.c')).toBe('a.b.0.c');
    expect(normalizePath('$[1]')).toBe('1');
  });
});
