import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulateResponse } from '../../shared/api/simulate.ts';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** Charge R$ 10 by Pix, thank or give up. */
const flow = buildFlow(
  [
    { id: 'p', type: 'payment', data: { amount: '10', description: 'Teste', expiryMinutes: 30 } },
    { id: 'e', type: 'end', data: { message: '' } },
  ],
  [
    ['p', 'paid', 'e'],
    ['p', 'expired', 'e'],
    ['p', 'error', 'e'],
  ],
);

describe("the simulator's Pix QR image", () => {
  let t: TestApp;
  let flowId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const saved = await t.as('admin').json('PATCH', '/api/settings', {
      pix: { key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' },
    });
    expect(saved.status).toBe(200);
    const created = await t.as('editor').json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Pix', flow });
    flowId = created.body.flow.id;
  });
  afterAll(() => t.close());

  it('loads: the image the simulated charge links to is a PNG served with caching headers', async () => {
    const run = await t.as('editor').json<SimulateResponse>('POST', `/api/flows/${flowId}/simulate`, { text: 'oi' });
    expect(run.status).toBe(200);
    const image = (run.body.messages as { kind: string; media?: string; url?: string }[]).find(
      (m) => m.kind === 'media' && m.media === 'image',
    );
    const path = new URL(image?.url ?? '', 'http://studio.test').pathname;
    expect(path).toMatch(/^\/pix\/[A-Za-z0-9]{8,25}\.png$/);
    const png = await t.app.request(path);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toContain('max-age');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // No order was made for it: the simulator changes nothing else.
    const orders = await t.testDb.db.selectFrom('orders').select('id').execute();
    expect(orders).toEqual([]);
  });
});
