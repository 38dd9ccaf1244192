import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../db/queries/tokens.ts';
import {
  channelA,
  harnessMetricsToken,
  startMessagingHarness,
  type MessagingHarness,
} from '../testing/messaging-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';

describe('contacts API', () => {
  let h: MessagingHarness;
  let call: <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  beforeAll(async () => {
    h = await startMessagingHarness();
    const { secret } = await createApiToken(h.testDb.db, { name: 'ops', role: 'admin', createdBy: null });
    call = async <T>(method: string, path: string, body?: unknown) => {
      const res = await h.app.request(path, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    };
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.contacts.1',
        from: '5584991233333',
        name: 'Dora',
        timestamp: new Date(Date.now() - 5000),
        text: 'oi',
      }),
    );
    await h.fake.waitForSent(1);
  });
  afterAll(() => h.close());

  it('lists contacts with where they stand in the flow, and their history', async () => {
    const list = await call<{
      contacts: { id: string; name: string; phone: string; session: { nodeId: string; version: number } | null }[];
    }>('GET', '/api/contacts?q=Dora');
    expect(list.body.contacts).toEqual([
      expect.objectContaining({
        name: 'Dora',
        phone: '5584991233333',
        session: expect.objectContaining({ nodeId: 'wait', version: 1 }),
      }),
    ]);
    const id = list.body.contacts[0]?.id ?? '';
    const history = await call<{ messages: { direction: string; text: string }[] }>(
      'GET',
      `/api/contacts/${id}/messages`,
    );
    expect(history.body.messages.map((m) => [m.direction, m.text])).toEqual([
      ['in', 'oi'],
      ['out', 'Olá, Dora! Mande algo.'],
    ]);
  });

  it('finds a contact by the number typed as people type it, even without the 9th digit', async () => {
    for (const q of ['(84) 9123-3333', '84 99123-3333', '+55 84 99123-3333']) {
      const list = await call<{ contacts: { name: string }[] }>('GET', `/api/contacts?q=${encodeURIComponent(q)}`);
      expect(
        list.body.contacts.map((c) => c.name),
        q,
      ).toEqual(['Dora']);
    }
  });

  it('sends an operator message inside the window, resets the session, exports and erases', async () => {
    const [contact] = (await call<{ contacts: { id: string }[] }>('GET', '/api/contacts')).body.contacts;
    const id = contact?.id ?? '';
    expect((await call('POST', `/api/contacts/${id}/messages`, { text: 'Seu pedido saiu para entrega' })).status).toBe(
      202,
    );
    await h.fake.waitForSent(2);
    expect((h.fake.sent()[1]?.body as { text: { body: string } }).text.body).toBe('Seu pedido saiu para entrega');
    expect((await call<{ ended: number }>('POST', `/api/contacts/${id}/reset`)).body.ended).toBe(1);
    const exported = await call<{ contact: { name: string }; messages: unknown[] }>(
      'GET',
      `/api/contacts/${id}/export`,
    );
    expect(exported.body.contact.name).toBe('Dora');
    expect(exported.body.messages.length).toBeGreaterThanOrEqual(3);
    expect((await call('DELETE', `/api/contacts/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/contacts/${id}/messages`)).status).toBe(404);
    expect(await h.testDb.db.selectFrom('messages').selectAll().where('contact_id', '=', id).execute()).toEqual([]);
  });

  it('refuses free text outside the 24-hour window (a template still goes)', async () => {
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.contacts.2',
        from: '5584991234444',
        name: 'Edu',
        timestamp: new Date(Date.now() - 2 * 86_400_000),
        text: 'oi',
      }),
    );
    await waitForProcessed(h.testDb.db, 'wamid.contacts.2');
    const list = await call<{ contacts: { id: string; name: string }[] }>('GET', '/api/contacts?q=Edu');
    const id = list.body.contacts[0]?.id ?? '';
    const refused = await call<{ error: { code: string } }>('POST', `/api/contacts/${id}/messages`, { text: 'oi' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('outside_window');
    expect(
      (
        await call('POST', `/api/contacts/${id}/messages`, {
          template: { name: 'lembrete_pagamento', parameters: ['Edu'] },
        })
      ).status,
    ).toBe(202);
    expect((await call('POST', `/api/contacts/${id}/messages`, { nonsense: true })).status).toBe(400);
  });
});

describe('analytics and metrics', () => {
  it('counts entries, exits and drop-off per node, and exposes Prometheus metrics', async () => {
    const h = await startMessagingHarness();
    try {
      const { secret } = await createApiToken(h.testDb.db, { name: 'ed', role: 'editor', createdBy: null });
      for (const [i, from] of ['5584991235551', '5584991235552'].entries()) {
        await h.postJson(
          messageWebhook({
            ...channelA,
            wamid: `wamid.an.${i}`,
            from,
            name: 'X',
            timestamp: new Date(Date.now() - 1000),
            text: 'oi',
          }),
        );
      }
      await h.fake.waitForSent(2);
      const flow = await h.testDb.db.selectFrom('channels').select('flow_id').executeTakeFirstOrThrow();
      const res = await h.app.request(`/api/flows/${flow.flow_id}/analytics`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const body = (await res.json()) as {
        nodes: Record<string, { entries: number; exits: number; dropOff: number }>;
        versions: { version: number; sessions: number }[];
      };
      expect(body.nodes.hello).toMatchObject({ entries: 2, exits: 2, dropOff: 0 });
      expect(body.nodes.wait).toMatchObject({ entries: 2, dropOff: 2 });
      expect(body.versions).toEqual([expect.objectContaining({ version: 1, sessions: 2 })]);
      const metrics = await (
        await h.app.request('/metrics', { headers: { authorization: `Bearer ${harnessMetricsToken}` } })
      ).text();
      // This process's counters: both messages ran through the flow (earlier tests of this file add theirs).
      const counted = (pattern: RegExp) => Number(pattern.exec(metrics)?.[1] ?? 0);
      expect(counted(/^fluxo_messages_total\{channel="[^"]+",direction="in"\} (\d+)$/m)).toBeGreaterThanOrEqual(2);
      expect(counted(/^fluxo_processing_lag_seconds_count (\d+)$/m)).toBeGreaterThanOrEqual(2);
      expect(metrics).toMatch(/^fluxo_process_resident_memory_bytes \d+/m);
      expect(metrics).toMatch(/^fluxo_inbound_pending 0$/m);
    } finally {
      await h.close();
    }
  });
});
