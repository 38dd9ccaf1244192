import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { startFakeGraphApi, type FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { signBody } from '../../server/testing/sign.ts';
import { metaJson } from '../../server/testing/webhook-payloads.ts';
import { startHarness, useBrowserPage, type Harness } from './harness.ts';

/** A JSON POST through a signed-in page's requests; throws with the server's answer unless 2xx. */
export async function postJson<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { data });
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A webhook as Meta delivers it: escaped JSON signed with the app secret. Meta retries anything
 * but a 200, so a test that gets another answer has found a bug.
 */
export async function deliverWebhook(baseUrl: string, appSecret: string, payload: unknown): Promise<void> {
  const body = metaJson(payload);
  const response = await fetch(`${baseUrl}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, appSecret) },
  });
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
}

/**
 * Elements of the main area and of an open dialog reaching past the window's right edge (none
 * when the page fits): bubbles, tables and forms must wrap or scroll inside their own box.
 */
export const overflowing = (page: Page, scope = 'main *, dialog[open] *') =>
  page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll(selector)]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  }, scope);

/** The server sending to a fake Graph API that expects `accessToken`, for a test file that talks to "Meta". */
export async function startWithFakeGraph(accessToken: string): Promise<{ fake: FakeGraph; harness: Harness }> {
  const fake = await startFakeGraphApi({ expectedToken: accessToken });
  try {
    return { fake, harness: await startHarness({ env: { WHATSAPP_GRAPH_URL: fake.url } }) };
  } catch (err) {
    await fake.close();
    throw err;
  }
}

/** Creates a flow from `flow` through a signed-in page's requests, publishes it, and answers its id. */
export async function publishFlow(request: APIRequestContext, flow: FlowDocumentInput, note: string): Promise<string> {
  const created = await postJson<{ flow: { id: string } }>(request, '/api/flows', { name: flow.name, flow });
  await postJson(request, `/api/flows/${created.flow.id}/publish`, { note });
  return created.flow.id;
}

/**
 * `useBrowserPage` with a fake Graph API expecting `accessToken`, started before the server
 * (which sends to it) and closed after it; `onReady` gets the fake too. `env` adds server settings.
 */
export function useBrowserPageWithGraph(
  accessToken: string,
  onReady: (opened: { fake: FakeGraph; harness: Harness; context: BrowserContext; page: Page }) => void | Promise<void>,
  env: () => Record<string, string> = () => ({}),
): void {
  let fake: FakeGraph | undefined;
  const started = () => {
    if (!fake) throw new Error('the fake Graph API is used before its beforeAll ran');
    return fake;
  };
  beforeAll(async () => {
    fake = await startFakeGraphApi({ expectedToken: accessToken });
  });
  // Registered first, so it runs last: after hooks run in reverse order.
  afterAll(async () => {
    await fake?.close();
  });
  useBrowserPage(
    (opened) => onReady({ ...opened, fake: started() }),
    () => ({ ...env(), WHATSAPP_GRAPH_URL: started().url }),
  );
}
