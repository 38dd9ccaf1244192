import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The flow editor's simulator panel (open it with the "open-simulator" button). */
export const simulatorPanel = (page: Page): Locator => page.getByTestId('simulator');

/** The simulated conversation: the contact's messages and the bot's, as the panel shows them. */
export const simulatorChat = (page: Page): Locator => simulatorPanel(page).getByTestId('sim-chat');

/** The contact types `text` in the open simulator's composer and sends it with Enter, as on WhatsApp. */
export async function typeInSimulator(page: Page, text: string): Promise<void> {
  const input = simulatorPanel(page).getByLabel('Mensagem do contato');
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Waits until the simulated conversation shows `text`: the bot has answered. A turn that calls a
 * model wants a longer `timeout` than the poll's default on a busy machine.
 */
export async function expectBotSays(page: Page, text: string, options: { timeout?: number } = {}): Promise<void> {
  await expect.poll(() => simulatorChat(page).innerText(), options).toContain(text);
}
