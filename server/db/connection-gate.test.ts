import { describe, expect, it } from 'vitest';
import { ConnectionGate } from './connection-gate.ts';

describe('ConnectionGate', () => {
  it('lets one holder in at a time, urgent callers first among those waiting, each kind in arrival order', async () => {
    const gate = new ConnectionGate();
    const order: string[] = [];
    await gate.acquire();
    const wait = (name: string, urgent: boolean) =>
      gate.acquire(urgent).then(() => {
        order.push(name);
      });
    const all = [wait('plain-1', false), wait('urgent-1', true), wait('plain-2', false), wait('urgent-2', true)];
    // The holder keeps the connection until it lets go: nobody got in yet.
    await Promise.resolve();
    expect(order).toEqual([]);
    for (let i = 0; i < 4; i++) {
      gate.release();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(all);
    expect(order).toEqual(['urgent-1', 'urgent-2', 'plain-1', 'plain-2']);
    gate.release();
    // Free again: the next caller gets in at once.
    let got = false;
    void gate.acquire().then(() => {
      got = true;
    });
    await Promise.resolve();
    expect(got).toBe(true);
  });
});
