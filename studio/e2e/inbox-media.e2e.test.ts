import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { signBody } from '../../server/testing/sign.ts';
import { messageWebhook, metaJson } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, startHarness, type Harness } from './harness.ts';
import { postJson } from './whatsapp.ts';

/**
 * An agent answers with a photo from the inbox (attach, preview, caption, send: Meta gets the
 * image by link and the history shows it), and, for a contact who wrote two days ago, with an
 * approved template whose values come prefilled, since WhatsApp takes nothing else then.
 */
const channel = { phoneNumberId: '106000000000919', displayPhone: '15550100919', wabaId: '102000000000919' };
const appSecret = 'inbox-media-e2e-app-secret';
const accessToken = 'EAAG-inbox-media-e2e-access-token';
const recent = { waId: '5584988770101', name: 'Clara Nunes' };
const lapsed = { waId: '5584988770202', name: 'Diego Ramos' };
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 512 }, (_, i) => i % 251)]);

const handoffFlow: FlowDocumentInput = {
  name: 'Imóveis — atendimento',
  variables: [{ name: 'imovel', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'keep',
      type: 'set',
      position: { x: 0, y: 150 },
      data: { assignments: [{ variable: 'imovel', value: 'Casa 3' }] },
    },
    { id: 'human', type: 'handoff', position: { x: 0, y: 300 }, data: { message: 'Vou chamar um corretor.' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'keep' },
    { id: 'e2', source: 'keep', sourceHandle: 'next', target: 'human' },
    { id: 'e3', source: 'human', sourceHandle: 'resolved', target: 'end' },
  ],
};

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let seq = 0;

async function contactSends(who: { waId: string; name: string }, text: string, at: Date): Promise<void> {
  const body = metaJson(
    messageWebhook({
      ...channel,
      wamid: `wamid.inbox-media-e2e.${++seq}`,
      from: who.waId,
      name: who.name,
      timestamp: at,
      text,
    }),
  );
  const response = await fetch(`${harness.baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, appSecret) },
  });
  expect(response.status).toBe(200);
}

async function openAndClaim(page: Page, name: string): Promise<void> {
  await page.goto('/inbox');
  await page
    .getByRole('listbox', { name: 'Conversas' })
    .getByRole('option', { name: new RegExp(name) })
    .click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
  await page.getByRole('button', { name: 'Assumir', exact: true }).click();
  await expect.poll(() => page.getByTestId('holder').innerText()).toBe('Com você');
}

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  fake.addTemplates(channel.wabaId, [
    {
      id: '1700000000000001',
      name: 'retomar_visita',
      language: 'pt_BR',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'NAMED',
      quality_score: { score: 'GREEN' },
      components: [{ type: 'BODY', text: 'Olá, {{nome}}! Ainda quer visitar o imóvel {{imovel}}?' }],
    },
  ]);
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: handoffFlow.name,
    flow: handoffFlow,
  });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'inbox media e2e' });
  await postJson(api, '/api/channels', {
    name: 'Imobiliária',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'inbox-media-e2e-verify',
    flowId: flow.id,
  });
  await postJson(api, '/api/message-templates/sync', {});
}, 180_000);

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && admin) await saveFailureScreenshot(admin.page, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('files and templates in the inbox', () => {
  it('attaches a photo, previews it, sends it with a caption and shows it in the history', async () => {
    const { page } = admin;
    await contactSends(recent, 'Tem foto da sala?', new Date());
    await expect.poll(() => fake.sent().length, { timeout: 20_000 }).toBe(1);
    await openAndClaim(page, recent.name);

    const box = page.getByTestId('reply-box');
    await box.getByTestId('attach-input').setInputFiles({ name: 'sala.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await box.getByTestId('attachment-preview').getByRole('img', { name: 'sala.jpg' }).waitFor();
    await box.getByRole('textbox').fill('A sala tem 20 m²');
    await box.getByRole('button', { name: 'Enviar' }).click();

    await expect.poll(() => fake.sent().length, { timeout: 20_000 }).toBe(2);
    const image = fake.sent()[1]?.body as { type: string; image: { link: string; caption: string } };
    expect(image.type).toBe('image');
    expect(image.image.caption).toBe('A sala tem 20 m²');
    // The link Meta downloads from serves the very file the agent attached.
    const served = await fetch(`${harness.baseUrl}${new URL(image.image.link).pathname}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true);

    const bubble = page.getByTestId('inbox-message').filter({ hasText: 'A sala tem 20 m²' });
    await bubble.getByTestId('inbox-image').waitFor();
    expect(await box.getByTestId('attachment-preview').count()).toBe(0);
  });

  it('offers only an approved template once the window closed, with its values prefilled', async () => {
    const { page } = admin;
    const before = fake.sent().length;
    await contactSends(lapsed, 'Quero visitar a casa', new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
    await openAndClaim(page, lapsed.name);

    const box = page.getByTestId('reply-box');
    await box.getByText('o WhatsApp só aceita um modelo aprovado').waitFor();
    expect(await box.getByRole('textbox', { name: 'Sua resposta' }).count()).toBe(0);
    await box.getByRole('combobox', { name: 'Modelo' }).selectOption({ label: 'retomar_visita (pt_BR)' });
    expect(await box.getByLabel('Variável {{nome}}').inputValue()).toBe('Diego');
    expect(await box.getByLabel('Variável {{imovel}}').inputValue()).toBe('Casa 3');
    expect(await box.getByTestId('template-preview').innerText()).toBe(
      'Olá, Diego! Ainda quer visitar o imóvel Casa 3?',
    );
    await box.getByRole('button', { name: 'Enviar modelo' }).click();

    await expect
      .poll(() => fake.sent().filter((r) => (r.body as { type: string }).type === 'template').length, {
        timeout: 20_000,
      })
      .toBe(1);
    expect(fake.sent().length).toBeGreaterThan(before);
    const template = fake.sent().find((r) => (r.body as { type: string }).type === 'template')?.body;
    expect(template).toMatchObject({
      to: `+${lapsed.waId}`,
      template: {
        name: 'retomar_visita',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'nome', text: 'Diego' },
              { type: 'text', parameter_name: 'imovel', text: 'Casa 3' },
            ],
          },
        ],
      },
    });
    await page
      .getByTestId('inbox-message')
      .filter({ hasText: 'Olá, Diego! Ainda quer visitar o imóvel Casa 3?' })
      .waitFor();
  });
});
