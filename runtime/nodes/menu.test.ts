import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, sent, texts } from '../testing/session-test-kit.ts';

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, title: `Opção ${i + 1}` }));
const menuFlow = (n: number, extra: Record<string, unknown> = {}) =>
  buildFlow(
    [
      { id: 'm', type: 'menu', data: { text: 'Escolha', options: options(n), variable: 'escolha', ...extra } },
      { id: 'ok', type: 'message', data: { text: 'Escolheu {{escolha}}' } },
      { id: 'bad', type: 'message', data: { text: 'inválido' } },
    ],
    [...options(n).map((o) => ['m', `opt-${o.id}`, 'ok'] as [string, string, string]), ['m', 'invalid', 'bad']],
  );

describe('menu', () => {
  it('sends up to 3 options as reply buttons with node-prefixed ids', async () => {
    const [msg] = sent(await driver(menuFlow(3)).send('oi'));
    expect(msg).toMatchObject({
      kind: 'buttons',
      buttons: [{ id: 'm:o1', title: 'Opção 1' }, { id: 'm:o2' }, { id: 'm:o3' }],
    });
  });

  it('sends 4 to 10 options as one list', async () => {
    const [msg] = sent(await driver(menuFlow(10)).send('oi'));
    expect(msg?.kind === 'list' && msg.sections[0]?.rows.length).toBe(10);
  });

  it('pages more than 10 options with a stable "Mais opções" row', async () => {
    const d = driver(menuFlow(12));
    const [first] = sent(await d.send('oi'));
    const rows = first?.kind === 'list' ? (first.sections[0]?.rows ?? []) : [];
    expect(rows).toHaveLength(10);
    expect(rows[9]).toEqual({ id: 'm:more:1', title: 'Mais opções ➡️' });
    const [second] = sent(await d.content({ kind: 'reply', id: 'm:more:1', title: 'Mais opções ➡️' }));
    expect(second?.kind === 'list' && second.sections[0]?.rows.map((r) => r.title)).toEqual([
      'Opção 10',
      'Opção 11',
      'Opção 12',
    ]);
    expect(texts(await d.content({ kind: 'reply', id: 'm:o11', title: 'Opção 11' }))).toEqual(['Escolheu Opção 11']);
  });

  it.each([' 2 ', 'opcao 2', 'OPÇÃO 2'])('matches a typed %j', async (typed) => {
    const d = driver(menuFlow(3));
    await d.send('oi');
    expect(texts(await d.send(typed))).toEqual(['Escolheu Opção 2']);
    expect(d.session?.variables.escolha).toBe('Opção 2');
  });

  it('re-asks `retries` times, then takes invalid', async () => {
    const d = driver(menuFlow(3, { retries: 1 }));
    await d.send('oi');
    const retry = await d.send('banana');
    expect(texts(retry)).toEqual(['Não entendi 🙂 Escolha uma das opções abaixo.', 'Escolha']);
    expect(texts(await d.send('banana'))).toEqual(['inválido']);
  });

  it('treats a tap on another menu by its title', async () => {
    const d = driver(menuFlow(3));
    await d.send('oi');
    expect(texts(await d.content({ kind: 'reply', id: 'old:x', title: 'Opção 3' }))).toEqual(['Escolheu Opção 3']);
  });

  it('clips titles to WhatsApp limits', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 'm',
            type: 'menu',
            data: { text: 'x', options: [{ id: 'a', title: 'Um título muito longo para um botão' }] },
          },
        ],
        [],
      ),
    );
    const [msg] = sent(await d.send('oi'));
    expect(msg?.kind === 'buttons' && [...(msg.buttons[0]?.title ?? '')].length).toBe(20);
  });
});
