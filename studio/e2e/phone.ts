import type { BrowserContext, Page } from 'playwright-core';
import type { Harness } from './harness.ts';

/** A common phone's CSS viewport (iPhone 12 to 15). */
export const phoneViewport = { width: 390, height: 844 } as const;

/** A fresh browser context the size of a phone, with touch, as a phone user has it. */
export async function newPhonePage(harness: Harness): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: phoneViewport,
    hasTouch: true,
    isMobile: true,
    locale: 'pt-BR',
  });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** Signs in through the login form at any width: on a phone the navigation sits behind the menu button. */
export async function loginOnPhone(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(credentials.email);
  await page.getByLabel('Senha').fill(credentials.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.locator('.topbar').waitFor();
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The element reaching furthest right, as `tag.class "text"`, for the failure message. */
  widest: string;
}

/** How far the page scrolls sideways, and who pushes it; null when it does not. */
export function horizontalOverflow(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    let widest: Element | null = null;
    let right = root.clientWidth;
    // Inside a box that scrolls or clips, an element does not widen the page; unless it is
    // positioned absolutely against something outside that box (a visually hidden label in a
    // scrolling table, say), which escapes the clip.
    const clipped = (el: Element) => {
      let position = getComputedStyle(el).position;
      if (position === 'fixed') return true;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        const containing = position !== 'absolute' || style.position !== 'static';
        if (containing && style.overflowX !== 'visible') return true;
        if (containing) position = style.position;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > right + 0.5 && !clipped(el)) {
        right = box.right;
        widest = el;
      }
    }
    const describe = (el: Element | null) => {
      if (!el) return '(none found: a transform or a scrollbar?)';
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls} "${text}" (right edge at ${Math.round(right)} px)`;
    };
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: describe(widest) };
  });
}

/** Fails when the page can be scrolled sideways, naming the element that reaches furthest. */
export async function expectNoHorizontalScroll(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  const overflow = await horizontalOverflow(page);
  if (overflow) {
    throw new Error(
      `${where} scrolls sideways: ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px viewport; widest: ${overflow.widest}`,
    );
  }
}
