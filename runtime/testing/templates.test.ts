import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConversationFile } from './run-conversation-file.ts';

const dir = fileURLToPath(new URL('../../shared/templates/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.conversation.json'))
  .sort();

describe('starter template conversations', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const result = await runConversationFile(join(dir, file));
    const report = [`${result.name}`, ...result.failures, 'bot sent:', ...result.transcript.map((t) => `  ${t}`)].join(
      '\n',
    );
    expect(result.failures, report).toEqual([]);
  });
});
