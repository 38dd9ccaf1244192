import { parseFragment, serializeFragment } from './clipboard-format.ts';
import type { Fragment } from './edits/fragment.ts';

/**
 * Last copied nodes, for when the system clipboard is not available (plain-http studios,
 * denied permission). Module-level on purpose: copying in one flow and pasting in another
 * remounts the editor, and the copy must survive that.
 */
let lastCopied: string | null = null;

export function rememberCopy(text: string): void {
  lastCopied = text;
}

export async function writeFragment(fragment: Fragment): Promise<void> {
  const text = serializeFragment(fragment);
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Not allowed here: the in-memory copy above is enough inside this tab.
  }
}

/** Reads ours from the system clipboard, else the in-memory copy. */
export async function readFragment(): Promise<Fragment | null> {
  try {
    const fromSystem = parseFragment(await navigator.clipboard.readText());
    if (fromSystem) return fromSystem;
  } catch {
    // Reading needs a permission many browsers refuse; fall back below.
  }
  return fragmentFromText('');
}

/** A paste event's text if it is ours; an empty clipboard falls back to the in-memory copy. */
export function fragmentFromText(text: string): Fragment | null {
  return parseFragment(text) ?? (lastCopied ? parseFragment(lastCopied) : null);
}
