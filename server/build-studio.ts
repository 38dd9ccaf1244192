import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const studioDist = join(root, 'dist', 'studio');

/** `npm start` on a fresh clone builds the studio once, so the two README commands suffice. */
export async function ensureStudioBuilt(logger: Logger): Promise<string> {
  if (existsSync(join(studioDist, 'index.html'))) return studioDist;
  logger.info('building the studio (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return studioDist;
}
