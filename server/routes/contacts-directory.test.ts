import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactSummary, ImportContactsResponse } from '../../shared/api/contacts.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import type { Role } from '../db/tables.ts';
import { channelA, echoFlow, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

type Call = <T>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: T; text: string; headers: Headers }>;

/** The contacts page's API, per role, with contacts made by real signed webhooks. */
describe('contacts directory', () => {
  let h: MessagingHarness;
  const as = {} as Record<Role, Call>;
  let doraId = '';
  const list = async (query: string) =>
    (await as.agent<{ contacts: ContactSummary[]; total: number }>('GET', `/api/contacts?${query}`)).body;

  beforeAll(async () => {
    h = await startMessagingHarness();
    for (const role of ['admin', 'editor', 'agent'] as const) {
      const { secret } = await createApiToken(h.testDb.db, { name: role, role, createdBy: null });
      as[role] = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const res = await h.app.request(path, {
          method,
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        });
        const text = await res.text();
        const parsed =
          text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (null as T);
        return { status: res.status, body: parsed, text, headers: res.headers };
      };
    }
    // The echo flow keeps each reply in `msg`: marked as a field, the contact's answer lands there.
    expect((await as.admin('POST', '/api/contact-fields', { name: 'msg', label: 'Última resposta' })).status).toBe(201);
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.dir.1',
        from: '5584991233333',
        name: 'Dora',
        timestamp: new Date(Date.now() - 5000),
        text: 'oi',
      }),
    );
    await h.fake.waitForSent(1);
    await h.postJson(
      messageWebhook({
        ...channelA,
        wamid: 'wamid.dir.2',
        from: '5584991233333',
        name: 'Dora',
        timestamp: new Date(Date.now() - 4000),
        text: 'quero um apartamento',
      }),
    );
    await h.fake.waitForSent(2);
    doraId = (await list('q=Dora')).contacts[0]?.id ?? '';
  });
  afterAll(() => h.close());

  it('copies a flow variable marked as a contact field into the contact when the conversation goes on', async () => {
    await until(
      'msg copied to the contact',
      async () => (await list('q=Dora')).contacts[0]?.fields.msg === 'quero um apartamento',
      5000,
    );
    const [dora] = (await list('q=Dora')).contacts;
    expect(dora).toMatchObject({
      name: 'Dora',
      phone: '5584991233333',
      tags: [],
      optedOutAt: null,
      session: { flowName: expect.any(String), nodeId: 'wait' },
    });
    expect(Date.parse(dora?.lastActivityAt ?? '')).toBeGreaterThanOrEqual(Date.parse(dora?.lastInboundAt ?? ''));
    // Unmarked variables are not copied.
    expect(Object.keys(dora?.fields ?? {})).toEqual(['msg']);
    const defs = (
      await as.agent<{ fields: { name: string; label: string }[]; variables: string[] }>('GET', '/api/contact-fields')
    ).body;
    expect(defs.fields).toEqual([{ name: 'msg', label: 'Última resposta' }]);
    expect(defs.variables).toContain('msg');
  });

  it('finds by name or by the phone as people type it; filters by tag, opt-out and flow; pages', async () => {
    for (const q of ['dor', '(84) 9123-3333', '+55 84 99123-3333', '99123'])
      expect(
        (await list(`q=${encodeURIComponent(q)}`)).contacts.map((c) => c.name),
        q,
      ).toEqual(['Dora']);
    expect((await list('q=ninguem')).total).toBe(0);
    const flowId = (await list('q=Dora')).contacts[0]?.session?.flowId ?? '';
    expect((await list(`flowId=${flowId}`)).contacts.map((c) => c.name)).toEqual(['Dora']);
    expect((await list('flowId=other')).contacts).toEqual([]);
    expect((await list('optedOut=false')).total).toBeGreaterThanOrEqual(1);
    expect((await as.agent('GET', '/api/contacts?optedOut=maybe')).status).toBe(400);
  });

  it('lets an agent tag, rename, set fields and opt out a contact, audited; editors are refused', async () => {
    expect((await as.editor('PATCH', `/api/contacts/${doraId}`, { tags: ['vip'] })).status).toBe(403);
    const patched = await as.agent<{ contact: ContactSummary }>('PATCH', `/api/contacts/${doraId}`, {
      tags: ['vip', ' cliente ', 'vip'],
      optedOut: true,
      fields: { msg: 'oi', cidade: 'Natal' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.contact).toMatchObject({
      name: 'Dora',
      tags: ['vip', 'cliente'],
      fields: { msg: 'oi', cidade: 'Natal' },
      optedOutAt: expect.any(String),
    });
    expect((await list('tag=vip')).contacts.map((c) => c.name)).toEqual(['Dora']);
    expect((await list('tag=cliente&optedOut=true')).contacts.map((c) => c.name)).toEqual(['Dora']);
    expect((await list('tag=nenhuma')).contacts).toEqual([]);
    const tags = (await as.agent<{ tags: { tag: string; contacts: number }[] }>('GET', '/api/contacts/tags')).body.tags;
    expect(tags).toEqual(expect.arrayContaining([{ tag: 'vip', contacts: 1 }]));
    // Only what is sent changes: the opt-out date stays, the tags stay.
    const renamed = await as.agent<{ contact: ContactSummary }>('PUT', `/api/contacts/${doraId}`, {
      name: 'Dora Lima',
    });
    expect(renamed.body.contact).toMatchObject({
      name: 'Dora Lima',
      tags: ['vip', 'cliente'],
      optedOutAt: patched.body.contact.optedOutAt,
    });
    const back = await as.agent<{ contact: ContactSummary }>('PATCH', `/api/contacts/${doraId}`, { optedOut: false });
    expect(back.body.contact.optedOutAt).toBeNull();
    for (const bad of [{}, { tags: ['a,b'] }, { fields: { 'not a name': 'x' } }, { name: '' }]) {
      const res = await as.agent<{ error: { code: string } }>('PATCH', `/api/contacts/${doraId}`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await as.agent('PATCH', '/api/contacts/no-such-id', { name: 'X' })).status).toBe(404);
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'contact.update')
      .execute();
    expect(audit.length).toBe(3);
    // The audit says which fields changed, not the values.
    expect(JSON.stringify(audit)).not.toContain('Natal');
  });

  it('imports a CSV with a per-row report: typed numbers normalised, bad ones rejected with the reason; again, it updates', async () => {
    const csv = [
      'nome;telefone;tags;cidade;Data de Nascimento',
      'Ana;(84) 99000-0778;cliente, vip;Natal;01/02/1990',
      'Beto;123;;Mossoró;',
      'Caio;84 99000 0779;;Parnamirim;',
      'Ana de novo;84990000778;;;',
      '"Dora, a própria";+55 84 99123-3333;importada;;',
    ].join('\n');
    expect((await as.agent('POST', '/api/contacts/import', { csv })).status).toBe(403);
    const first = await as.admin<ImportContactsResponse>('POST', '/api/contacts/import', { csv });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 1, rejected: 2 });
    expect(first.body.rows.map((r) => [r.line, r.phone, r.outcome])).toEqual([
      [2, '5584990000778', 'created'],
      [3, '123', 'rejected'],
      [4, '5584990000779', 'created'],
      [5, '84990000778', 'rejected'],
      [6, '5584991233333', 'updated'],
    ]);
    expect(first.body.rows[1]?.reason).toContain('linha 3: "123" não é um telefone válido');
    expect(first.body.rows[3]?.reason).toContain('repetido');
    const [ana] = (await list('q=Ana')).contacts;
    expect(ana).toMatchObject({
      phone: '5584990000778',
      tags: ['cliente', 'vip'],
      fields: { cidade: 'Natal', data_de_nascimento: '01/02/1990' },
    });
    const [dora] = (await list('q=99123-3333')).contacts;
    expect(dora).toMatchObject({ id: doraId, name: 'Dora, a própria', tags: ['cliente', 'importada', 'vip'] });

    const again = await as.admin<ImportContactsResponse>('POST', '/api/contacts/import', { csv });
    expect(again.body).toMatchObject({ created: 0, updated: 3, rejected: 2 });
    expect((await list('q=Ana')).contacts.map((c) => c.tags)).toEqual([['cliente', 'vip']]);
    const count = await h.testDb.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    // A script with a token may send the file itself.
    const raw = await as.admin<ImportContactsResponse>(
      'POST',
      `/api/contacts/import?channelId=${h.channelId}`,
      'phone,name\n84 99000-0780,Edu\n',
      { 'content-type': 'text/csv' },
    );
    expect(raw.body).toMatchObject({ created: 1, rejected: 0 });
    const [page1, page2] = [await list('limit=2'), await list('limit=2&offset=2')];
    expect([page1.total, page1.contacts.length, page2.contacts.length]).toEqual([4, 2, 2]);
    expect(new Set([...page1.contacts, ...page2.contacts].map((c) => c.id)).size).toBe(4);
    expect(
      (await as.admin<{ error: { code: string } }>('POST', '/api/contacts/import', { csv: 'nome\nAna\n' })).body.error
        .code,
    ).toBe('missing_phone_column');
    expect(
      (await as.admin<{ error: { code: string } }>('POST', '/api/contacts/import', { csv: 'a,b\n"x,1\n' })).status,
    ).toBe(400);
    expect(
      (
        await as.admin<{ error: { code: string } }>('POST', '/api/contacts/import', {
          csv: 'phone\n84990000781\n',
          channelId: 'nope',
        })
      ).body.error.code,
    ).toBe('unknown_channel');
    const imports = await h.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'contacts.import')
      .execute();
    expect(imports.map((a) => a.details)).toContainEqual({ created: 2, updated: 1, rejected: 2 });
  });

  it('exports CSV that spreadsheets cannot run as formulas, audited; admins only', async () => {
    await as.agent('PATCH', `/api/contacts/${doraId}`, {
      name: "=cmd|' /C calc'!A0",
      fields: { msg: '@SUM(1+1)', cidade: 'Natal "RN"' },
    });
    expect((await as.agent('GET', '/api/contacts/export.csv')).status).toBe(403);
    const res = await as.admin<null>('GET', '/api/contacts/export.csv?tag=importada');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // Marked fields first, then every other field the exported contacts have.
    expect(lines[0]).toBe('name,phone,tags,opted_out,last_activity,flow,msg,cidade');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^'=cmd\|' \/C calc'!A0,5584991233333,"cliente, importada, vip",não,\d{4}-.*,'@SUM\(1\+1\),"Natal ""RN"""$/,
    );
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'contacts.export')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([{ filter: { tag: 'importada' }, contacts: 1 }]);
  });

  it('LGPD: admins export everything about a contact (audited) and erase it; agents may not', async () => {
    expect((await as.agent('GET', `/api/contacts/${doraId}/export`)).status).toBe(403);
    expect((await as.agent('DELETE', `/api/contacts/${doraId}`)).status).toBe(403);
    const exported = await as.admin<{
      contact: { tags: string[]; fields: Record<string, unknown> };
      messages: { text: string }[];
      sessions: unknown[];
      orders: unknown[];
    }>('GET', `/api/contacts/${doraId}/export`);
    expect(exported.body.contact.tags).toEqual(['cliente', 'importada', 'vip']);
    expect(exported.body.messages.map((m) => m.text)).toContain('quero um apartamento');
    expect(exported.body.sessions.length).toBe(1);
    expect(exported.body.orders).toEqual([]);
    expect(
      await h.testDb.db.selectFrom('audit_log').select('target_id').where('action', '=', 'contact.export').execute(),
    ).toEqual([{ target_id: doraId }]);
    expect((await as.admin('DELETE', `/api/contacts/${doraId}`)).status).toBe(204);
    expect((await as.admin('GET', `/api/contacts/${doraId}`)).status).toBe(404);
    expect((await list('q=99123-3333')).contacts).toEqual([]);
  });

  it('admins mark, relabel and unmark variables; others may only read them', async () => {
    expect((await as.agent('POST', '/api/contact-fields', { name: 'cidade', label: 'Cidade' })).status).toBe(403);
    expect((await as.admin('POST', '/api/contact-fields', { name: 'cidade', label: 'Cidade' })).status).toBe(201);
    expect(
      (await as.admin<{ error: { code: string } }>('POST', '/api/contact-fields', { name: 'cidade', label: 'Outra' }))
        .body.error.code,
    ).toBe('already_marked');
    expect((await as.admin('POST', '/api/contact-fields', { name: '1nome', label: 'X' })).status).toBe(400);
    expect(
      (await as.admin<{ field: { label: string } }>('PATCH', '/api/contact-fields/cidade', { label: 'Município' })).body
        .field.label,
    ).toBe('Município');
    expect((await as.admin('DELETE', '/api/contact-fields/cidade')).status).toBe(204);
    expect((await as.admin('DELETE', '/api/contact-fields/cidade')).status).toBe(404);
    const actions = await h.testDb.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'contact_field')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'contact_field.create',
      'contact_field.create',
      'contact_field.delete',
      'contact_field.update',
    ]);
  });
});

describe('contact field capture in a transaction', () => {
  it('copies marked variables also when the step sets a timer (the several-statement commit)', async () => {
    // A wait with a timeout sets a timer, which the one-statement commit does not write.
    const timed: FlowDocumentInput = {
      ...echoFlow,
      nodes: echoFlow.nodes.map((n) =>
        n.type === 'wait' ? { ...n, data: { durationMinutes: 60, variable: 'msg' } } : n,
      ),
    };
    const h = await startMessagingHarness({ flow: timed });
    try {
      await h.testDb.db.insertInto('contact_fields').values({ name: 'msg', label: 'Mensagem' }).execute();
      await h.postJson(
        messageWebhook({
          ...channelA,
          wamid: 'wamid.tx.1',
          from: '5584991236666',
          name: 'Gil',
          timestamp: new Date(Date.now() - 3000),
          text: 'oi',
        }),
      );
      await h.fake.waitForSent(1);
      await h.postJson(
        messageWebhook({
          ...channelA,
          wamid: 'wamid.tx.2',
          from: '5584991236666',
          name: 'Gil',
          timestamp: new Date(Date.now() - 2000),
          text: 'casa na praia',
        }),
      );
      await h.fake.waitForSent(2);
      const fields = async () =>
        (
          await h.testDb.db
            .selectFrom('contacts')
            .select('fields')
            .where('wa_id', '=', '5584991236666')
            .executeTakeFirst()
        )?.fields;
      await until(
        'msg copied through the transaction path',
        async () => (await fields())?.msg === 'casa na praia',
        5000,
      );
      expect(
        await h.testDb.db.selectFrom('scheduled_jobs').select('kind').where('status', '=', 'pending').execute(),
      ).toEqual([{ kind: 'timer' }]);
    } finally {
      await h.close();
    }
  });
});
