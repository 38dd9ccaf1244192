import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaFixtureBytes } from '../testing/meta-fixtures.ts';
import { startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';

describe('inbound media', () => {
  let h: MessagingHarness;
  beforeAll(async () => {
    h = await startMessagingHarness();
  });
  afterAll(() => h.close());

  it('downloads a photo through the Graph media endpoint and keeps it', async () => {
    const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, i) => i % 251));
    h.fake.addMedia('1200000000000001', bytes, 'image/jpeg');
    expect((await h.post(metaFixtureBytes('image.json'))).status).toBe(200);
    await expect
      .poll(async () => (await h.testDb.db.selectFrom('media_files').select('status').executeTakeFirst())?.status, {
        timeout: 5000,
      })
      .toBe('stored');
    const file = await h.testDb.db.selectFrom('media_files').selectAll().executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      mime_type: 'image/jpeg',
      size: 4096,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(Buffer.from(file.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    const calls = h.fake.requests.filter((r) => r.kind === 'media' || r.kind === 'download');
    expect(calls.every((r) => r.token === 'EAAG-test-access-token')).toBe(true);
  });

  it('records a media id Meta does not know as failed instead of retrying forever', async () => {
    expect((await h.post(metaFixtureBytes('document.json'))).status).toBe(200);
    await expect
      .poll(
        async () =>
          (
            await h.testDb.db
              .selectFrom('media_files')
              .innerJoin('messages', 'messages.id', 'media_files.message_id')
              .select('media_files.status')
              .where('messages.type', '=', 'document')
              .executeTakeFirst()
          )?.status,
        { timeout: 5000 },
      )
      .toBe('failed');
  });
});
