import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { login, useBrowserPage } from './harness.ts';

/**
 * Versões: the editor says which version is live and whether the draft differs; a published
 * version opens read-only with the draft's changes marked, and can be restored into the draft.
 */
let page: Page;
let flowId = '';

useBrowserPage(async (opened) => {
  ({ page } = opened);
  await login(page);
});

const published: FlowDocumentInput = {
  name: 'Pizzaria — pedidos',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 160 }, data: { text: 'Bem-vindo à pizzaria!' } },
    { id: 'bye', type: 'end', position: { x: 0, y: 320 }, data: {} },
    { id: 'tip', type: 'message', position: { x: 320, y: 240 }, data: { text: 'Hoje tem cardápio de inverno' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'tip' },
    { id: 'e3', source: 'tip', sourceHandle: 'next', target: 'bye' },
  ],
};

async function call<T>(request: APIRequestContext, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const response = method === 'POST' ? await request.post(path, { data }) : await request.put(path, { data });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const draftOf = async () =>
  (
    (await (await page.request.get(`/api/flows/${flowId}`)).json()) as {
      flow: { draft: { nodes: { id: string; data: { text?: string } }[] } };
    }
  ).flow.draft;

describe('versions', () => {
  it('shows in the editor which version is live and that the draft differs', async () => {
    const { flow } = await call<{ flow: { id: string; revision: number } }>(page.request, 'POST', '/api/flows', {
      name: published.name,
      flow: published,
    });
    flowId = flow.id;
    await call(page.request, 'POST', `/api/flows/${flowId}/publish`, { note: 'cardápio de verão' });
    // The draft then: a new text in "hello" (which now leads to "bye"), "bye" only moved, "tip" removed, one block added.
    const nodes = (published.nodes ?? [])
      .filter((n) => n.id !== 'tip')
      .map((n) =>
        n.id === 'hello'
          ? { ...n, data: { text: 'Bem-vindo! Hoje tem rodízio.' } }
          : n.id === 'bye'
            ? { ...n, position: { x: 240, y: 400 } }
            : n,
      );
    nodes.push({ id: 'promo', type: 'message', position: { x: 300, y: 160 }, data: { text: 'Promoção do dia' } });
    await call(page.request, 'PUT', `/api/flows/${flowId}`, {
      draft: {
        ...published,
        nodes,
        edges: [
          { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
          { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'bye' },
        ],
      },
      revision: flow.revision,
    });

    await page.goto(`/flows/${flowId}`);
    const live = page.getByTestId('live-version');
    // The comparison waits for the published version to load and the draft to settle (400 ms).
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toBe('No ar: v1 · rascunho alterado (3)');
  });

  it('opens version 1 read-only with the changed block marked and the differences listed', async () => {
    await page.getByTestId('open-versions').click();
    await page.getByRole('link', { name: 'Ver versão 1' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/flows/${flowId}/versions/1`);
    await page.getByRole('heading', { level: 1, name: 'Versão 1 de Pizzaria — pedidos' }).waitFor();

    const hello = page.locator('.react-flow__node[data-id="hello"] .fx-node');
    await hello.waitFor();
    expect(await hello.getAttribute('class')).toContain('is-diff-changed');
    expect(await hello.getByTestId('node-diff-mark').innerText()).toBe('alterado no rascunho');
    // Moved only: not a change.
    expect(await page.locator('.react-flow__node[data-id="bye"] .fx-node').getAttribute('class')).not.toContain(
      'is-diff',
    );
    // The version's own text is on the canvas, and it cannot be dragged.
    expect(await hello.innerText()).toContain('Bem-vindo à pizzaria!');
    expect(await page.locator('.react-flow__node[data-id="hello"]').getAttribute('class')).not.toMatch(/\bdraggable\b/);

    const diff = page.getByTestId('version-diff');
    expect(await diff.getByTestId('diff-changed').innerText()).toContain('Alterados no rascunho (1)');
    expect(await diff.getByTestId('diff-added').innerText()).toContain('Promoção do dia');
    expect(await diff.getByTestId('diff-removed').innerText()).toContain('Hoje tem cardápio de inverno');
    // The removed block is still on the version's canvas, marked as gone from the draft.
    expect(await page.locator('.react-flow__node[data-id="tip"] .fx-node').getAttribute('class')).toContain(
      'is-diff-removed',
    );
  });

  it('restores the version into the draft after confirming, and the editor says the draft is the live one again', async () => {
    await page.getByRole('button', { name: 'Restaurar no rascunho' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByRole('button', { name: 'Restaurar no rascunho' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/flows/${flowId}`);
    await expect.poll(() => page.locator('.toast').innerText()).toBe('Versão 1 copiada para o rascunho');

    const draft = await draftOf();
    expect(draft.nodes.find((n) => n.id === 'hello')?.data.text).toBe('Bem-vindo à pizzaria!');
    expect(draft.nodes.map((n) => n.id)).not.toContain('promo');
    expect(draft.nodes.map((n) => n.id)).toContain('tip');
    await expect.poll(() => page.getByTestId('live-version').textContent()).toBe('No ar: v1 · rascunho igual');
    await page.locator('.react-flow__node[data-id="hello"]').waitFor();
    expect(await page.locator('.react-flow__node[data-id="promo"]').count()).toBe(0);
  });
});
