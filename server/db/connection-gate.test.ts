import { describe, expect, it } from 'vitest';
import { ConnectionGate, type GateTurn } from './connection-gate.ts';

/** Lets granted turns' callbacks run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('ConnectionGate', () => {
  it('lets one transaction in at a time, urgent callers first among those waiting, each kind in arrival order', async () => {
    const gate = new ConnectionGate();
    const order: string[] = [];
    await gate.acquire('transaction');
    const wait = (name: string, urgent: boolean) =>
      gate.acquire('transaction', urgent).then(() => {
        order.push(name);
      });
    const all = [wait('plain-1', false), wait('urgent-1', true), wait('plain-2', false), wait('urgent-2', true)];
    // The holder keeps the connection until it lets go: nobody got in yet.
    await settle();
    expect(order).toEqual([]);
    for (let i = 0; i < 4; i++) {
      gate.release('transaction');
      await settle();
    }
    await Promise.all(all);
    expect(order).toEqual(['urgent-1', 'urgent-2', 'plain-1', 'plain-2']);
    gate.release('transaction');
    // Free again: the next caller gets in at once.
    let got = false;
    void gate.acquire('transaction').then(() => {
      got = true;
    });
    await settle();
    expect(got).toBe(true);
  });

  it('sends statements ahead up to the pipeline depth, the next one as soon as one is answered, urgent ones at once', async () => {
    const gate = new ConnectionGate(2);
    const sent: string[] = [];
    const statement = (name: string, urgent = false) =>
      gate.acquire('statement', urgent).then(() => {
        sent.push(name);
      });
    void statement('a');
    void statement('b');
    void statement('c');
    await settle();
    expect(sent).toEqual(['a', 'b']);
    // An urgent statement goes at once, past the depth (the database thread runs it first).
    void statement('urgent', true);
    await settle();
    expect(sent).toEqual(['a', 'b', 'urgent']);
    gate.release('statement');
    await settle();
    expect(sent).toEqual(['a', 'b', 'urgent']);
    gate.release('statement');
    await settle();
    expect(sent).toEqual(['a', 'b', 'urgent', 'c']);
  });

  it('opens a transaction behind statements already sent, and sends nothing else until it ends', async () => {
    const gate = new ConnectionGate(3);
    const order: string[] = [];
    const take = (name: string, turn: GateTurn) =>
      gate.acquire(turn).then(() => {
        order.push(name);
      });
    void take('s1', 'statement');
    void take('tx', 'transaction');
    void take('s2', 'statement');
    void take('tx2', 'transaction');
    await settle();
    // The database thread runs s1 before the transaction's begin: no need to wait for its answer.
    expect(order).toEqual(['s1', 'tx']);
    gate.release('statement');
    await settle();
    expect(order).toEqual(['s1', 'tx']);
    gate.release('transaction');
    await settle();
    // In arrival order: s2, then the second transaction (s2 is sent ahead of its begin).
    expect(order).toEqual(['s1', 'tx', 's2', 'tx2']);
    gate.release('transaction');
    gate.release('statement');
    let got = false;
    void gate.acquire('statement').then(() => {
      got = true;
    });
    await settle();
    expect(got).toBe(true);
  });
});
