import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaSizeLimits } from '../../shared/whatsapp-limits.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const png = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

describe('POST /api/media', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['agent', 'editor'] as const)
      tokens[role] = (await createApiToken(t.testDb.db, { name: `up-${role}`, role, createdBy: null })).secret;
  });
  afterAll(() => t.close());

  const upload = (file: Blob | null, name = 'foto.png', role: 'agent' | 'editor' | null = 'agent') => {
    const form = new FormData();
    if (file) form.set('file', file, name);
    // Multipart: the browser's FormData, with its own boundary in the content type.
    return t.app.request('/api/media', {
      method: 'POST',
      headers: role ? { authorization: `Bearer ${tokens[role]}` } : {},
      body: form,
    });
  };
  const countFiles = async () =>
    Number(
      (
        await t.testDb.db
          .selectFrom('media_files')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores an image and a document, served to agents by id and to Meta by its public link', async () => {
    const res = await upload(new Blob([png()], { type: 'image/png' }), 'Planta "baixa".png');
    expect(res.status).toBe(201);
    const { media } = (await res.json()) as { media: { id: string; url: string; kind: string; fileName: string } };
    expect(media).toMatchObject({ kind: 'image', mimeType: 'image/png', fileName: 'Planta baixa.png', size: 64 });
    expect(media.url).toMatch(/^https:\/\/fluxo\.test\/files\/[\w-]{32}\/Planta%20baixa\.png$/);

    const byId = await t.as('agent').request('GET', `/api/media/${media.id}`);
    expect(byId.status).toBe(200);
    expect(byId.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await byId.arrayBuffer())).toEqual(png());

    const publicLink = await t.app.request(new URL(media.url).pathname);
    expect(publicLink.status).toBe(200);
    expect(publicLink.headers.get('content-type')).toBe('image/png');
    expect((await publicLink.arrayBuffer()).byteLength).toBe(64);
    expect((await t.app.request('/files/nao-existe-nao-existe-nao-existe/x.png')).status).toBe(404);

    const doc = await upload(new Blob([pdf], { type: 'application/pdf' }), 'contrato.pdf');
    expect(doc.status).toBe(201);
    expect(((await doc.json()) as { media: { kind: string } }).media.kind).toBe('document');
  });

  it('refuses what WhatsApp would not take, with clear codes, storing nothing', async () => {
    const before = await countFiles();
    const cases: [Response | Promise<Response>, number, string][] = [
      [upload(new Blob(['<svg onload=alert(1)>'], { type: 'image/svg+xml' }), 'x.svg'), 415, 'unsupported_media_type'],
      [upload(new Blob(['oi'], { type: 'image/png' }), 'falso.png'), 415, 'unsupported_media_type'],
      [upload(new Blob([png(mediaSizeLimits.image + 1)], { type: 'image/png' })), 413, 'file_too_large'],
      [
        upload(new Blob([new Uint8Array(mediaSizeLimits.upload + 1)], { type: 'application/pdf' }), 'a.pdf'),
        413,
        'file_too_large',
      ],
      [upload(null), 400, 'missing_file'],
      [t.as('agent').request('POST', '/api/media', { file: 'x' }), 400, 'missing_file'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }).toEqual({
        status,
        code,
      });
    }
    expect(await countFiles()).toBe(before);
  });

  it('is for the inbox: editors and anonymous callers are refused', async () => {
    expect((await upload(new Blob([png()], { type: 'image/png' }), 'a.png', 'editor')).status).toBe(403);
    expect((await upload(new Blob([png()], { type: 'image/png' }), 'a.png', null)).status).toBe(401);
  });
});
