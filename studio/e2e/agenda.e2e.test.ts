import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { until } from '../../server/testing/until.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, saveFailureScreenshot, screenshotsDir, startHarness, type Harness } from './harness.ts';
import { deliverWebhook, overflowing, postJson } from './whatsapp.ts';

/**
 * Agenda, end to end: a contact books a visit through real signed WhatsApp deliveries walking
 * the Imobiliária template (its sample agenda comes with the flow); the booking shows on the
 * Agenda page, is cancelled there, and a new agenda is created with the form; all at 390 px too.
 */
const channel = { phoneNumberId: '106000000000227', displayPhone: '15550100227', wabaId: '102000000000227' };
const appSecret = 'agenda-e2e-app-secret';
const accessToken = 'EAAG-agenda-e2e-access-token';
const contact = { waId: '5584991237777', name: 'Helena Prado' };

let harness: Harness;
let fake: FakeGraph;
let admin: { context: BrowserContext; page: Page };
let seq = 0;

async function contactSays(text: string, answer: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.agenda-e2e.${++seq}`,
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      text,
    }),
  );
  await until(
    `a send containing "${answer}"`,
    () => fake.sent().some((r) => r.kind === 'send' && JSON.stringify(r.body).includes(answer)),
    20_000,
    100,
  );
}

beforeAll(async () => {
  fake = await startFakeGraphApi({ expectedToken: accessToken });
  harness = await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } });
  admin = await harness.newPage();
  await login(admin.page);
  const api = admin.page.request;
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: 'Imobiliária',
    templateId: 'imobiliaria',
    withSampleData: true,
  });
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'agenda e2e' });
  await postJson(api, '/api/channels', {
    name: 'Imobiliária',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'agenda-e2e-verify',
    flowId: flow.id,
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && admin) await saveFailureScreenshot(admin.page, task.name);
});

afterAll(async () => {
  await admin?.context.close();
  await harness?.stop();
  await fake?.close();
});

describe('Agenda', () => {
  it('shows a visit booked on WhatsApp, cancels it, and creates an agenda', async () => {
    await contactSays('oi', 'assistente virtual');
    await contactSays('Agendar visita', 'Qual dia você prefere');
    // The first day listed, then its first free slot: whatever day the test runs on.
    await contactSays('1', 'Horários livres em');
    await contactSays('1', 'Visita agendada para');

    const { page } = admin;
    await page.goto('/agenda');
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    const booking = page.getByTestId('booking').filter({ hasText: contact.name });
    // The page lists a period's days only once its bookings arrived (a spinner until then).
    const periodListed = () =>
      page.getByTestId('booking').or(page.getByText('Nenhum horário marcado').first()).first().waitFor();
    await periodListed();
    // The first free day may fall in next week (a Saturday afternoon, say).
    for (let i = 0; i < 2 && (await booking.count()) === 0; i++) {
      await page.getByRole('button', { name: 'Próximo →' }).click();
      await periodListed();
    }
    await booking.waitFor();
    expect(await booking.innerText()).toContain('Visitas aos imóveis');
    await page.screenshot({ path: join(screenshotsDir, 'agenda.png') });

    page.once('dialog', (d) => void d.accept());
    await booking.getByRole('button', { name: 'Cancelar' }).click();
    await booking.waitFor({ state: 'detached' });
    const held = await page.request.get(
      `/api/bookings?from=${new Date().toISOString()}&to=${new Date(Date.now() + 40 * 86_400_000).toISOString()}`,
    );
    expect(((await held.json()) as { bookings: unknown[] }).bookings).toEqual([]);

    await page.getByRole('button', { name: 'Nova agenda' }).click();
    const form = page.getByTestId('agenda-form');
    await form.getByLabel('Nome').fill('Sala de reuniões');
    await form.getByLabel('Segunda').fill('09:00-12:00');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('agenda-resource').filter({ hasText: 'Sala de reuniões' }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/agenda');
    await page.getByTestId('agenda-resource').first().waitFor();
    expect(await overflowing(page, 'main *, [role=dialog] *')).toEqual([]);
    await page.getByRole('button', { name: 'Nova agenda' }).click();
    await page.getByTestId('agenda-form').waitFor();
    expect(await overflowing(page, 'main *, [role=dialog] *')).toEqual([]);
  });
});
