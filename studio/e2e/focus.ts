import type { Page } from 'playwright-core';

/** Focus as a keyboard user meets it, for the browser tests that use no mouse. */

/** What has the focus, as a keyboard user (and a screen reader) would tell it. */
export interface Focused {
  tag: string;
  name: string;
  testId: string | null;
  /** `data-testid` of the closest panel or dialog around it. */
  within: string | null;
  /** Inside an open modal dialog. */
  inDialog: boolean;
  /** A focus ring is drawn: an outline or a box shadow. */
  ring: boolean;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
    const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const labelledBy = el.getAttribute('aria-labelledby');
    const control =
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
    const labels = control ? [...(el.labels ?? [])] : [];
    const name =
      el.getAttribute('aria-label') ??
      (labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => text(document.getElementById(id)))
            .join(' ')
        : null) ??
      (labels.length ? labels.map(text).join(' ') : text(el));
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      name,
      testId: el.getAttribute('data-testid'),
      within: el.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      inDialog: el.closest('dialog[open]') !== null,
      ring,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches, unless it already does; fails after `max` presses. */
export async function tabTo(
  page: Page,
  match: (f: Focused) => boolean,
  { back = false, max = 150 } = {},
): Promise<Focused> {
  const now = await focused(page);
  if (match(now)) return now;
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const next = await focused(page);
    if (match(next)) return next;
    seen.push(`${next.tag}[${next.testId ?? next.within ?? ''}] ${next.name.slice(0, 40)}`);
  }
  throw new Error(
    `no focusable element matched after ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus went through:\n${[...new Set(seen)].join('\n')}`,
  );
}

export const named = (name: string | RegExp) => (f: Focused) =>
  typeof name === 'string' ? f.name === name : name.test(f.name);
export const byTestId = (testId: string) => (f: Focused) => f.testId === testId;

/**
 * Every visible form control has an accessible name: aria-label, aria-labelledby pointing
 * at text, or a <label> (by `for` or around it). Returns the ones that have none.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hasText = (node: Element | null) => Boolean(node?.textContent?.trim());
    const missing: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input, select, textarea',
    )) {
      if (el.type === 'hidden' || !el.checkVisibility({ visibilityProperty: true })) continue;
      const aria = el.getAttribute('aria-label')?.trim();
      const by = el.getAttribute('aria-labelledby');
      const byText = by ? by.split(/\s+/).some((id) => hasText(document.getElementById(id))) : false;
      const label = [...(el.labels ?? [])].some(hasText) || hasText(el.closest('label'));
      if (!aria && !byText && !label) missing.push(el.outerHTML.slice(0, 160));
    }
    return missing;
  });
}
