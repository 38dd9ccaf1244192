import { describe, expect, it } from 'vitest';
import { newSession, sessionState, appendHistory, historyLimit, type SessionState } from './session.ts';

describe('sessionState', () => {
  it('survives JSON.stringify → parse unchanged', () => {
    const s: SessionState = {
      ...newSession('ver-1', { nome: 'Ana', n: 3.5, ok: true, vazio: null, pedido: { itens: [{ id: 'p1', q: 2 }] } }),
      nodeId: 'pick',
      awaiting: {
        kind: 'catalog',
        retries: 1,
        timerKey: 'pick:id-1',
        state: { stage: 'quantity', page: 2, cart: [{ productId: 'p1', quantity: 2 }] },
      },
      lastAnswer: 'Pizzas',
      history: [
        { role: 'contact', text: 'oi 👋' },
        { role: 'bot', text: 'Olá!' },
      ],
    };
    const restored = sessionState.parse(JSON.parse(JSON.stringify(s)));
    expect(restored).toEqual(s);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(s));
  });

  it('rejects an unknown version, so old rows are migrated rather than misread', () => {
    expect(sessionState.safeParse({ ...newSession('v'), v: 2 }).success).toBe(false);
  });

  it('keeps only the last messages', () => {
    let h = newSession('v').history;
    for (let i = 0; i < historyLimit + 5; i++) h = appendHistory(h, { role: 'contact', text: String(i) });
    expect(h).toHaveLength(historyLimit);
    expect(h[0]?.text).toBe('5');
  });
});
