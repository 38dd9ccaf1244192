import { serializeFragment } from './clipboard-format.ts';
import type { Fragment } from '../edits/fragment.ts';
import { whenSchemaCode } from '../opening/load-schema-code.ts';

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
  let text = '';
  try {
    text = await navigator.clipboard.readText();
  } catch {
    // Reading needs a permission many browsers refuse; fall back below.
  }
  return fragmentFromText(text);
}

/** A paste event's text if it is ours; else (an empty or foreign clipboard) the in-memory copy. */
export async function fragmentFromText(text: string): Promise<Fragment | null> {
  const code = await whenSchemaCode();
  if (!code) return null;
  return code.parseFragment(text) ?? (lastCopied ? code.parseFragment(lastCopied) : null);
}
