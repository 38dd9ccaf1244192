import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from './logger.ts';
import { readSourcesStamp, studioSourcesHash } from './studio-sources.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

async function buildWithVite(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * `npm start` builds the studio when there is no bundle yet or when its sources changed since
 * the bundle was built (the build stamps the sources' hash into it, see `sourcesStamp`), so the
 * two README commands suffice and a `git pull` never serves yesterday's editor.
 */
export async function ensureStudioBuilt(
  logger: Logger,
  { root = repoRoot, build = buildWithVite }: { root?: string; build?: (root: string) => Promise<void> } = {},
): Promise<string> {
  const dist = join(root, 'dist', 'studio');
  const built = existsSync(join(dist, 'index.html'));
  if (built && readSourcesStamp(dist) === studioSourcesHash(root)) return dist;
  logger.info(
    built
      ? 'studio sources changed since the last build; rebuilding the studio…'
      : 'building the studio (first start only)…',
  );
  try {
    await build(root);
  } catch (err) {
    // An older bundle still serves a working editor; a server that does not start serves none
    // (e.g. a read-only install whose stamp went missing).
    if (!built) throw err;
    logger.warn('could not rebuild the studio; serving the previous build', { err });
  }
  return dist;
}
