import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * What the studio bundle is built from, relative to the repository root: its sources, the
 * shared schema it imports, the build config and the locked dependency versions.
 */
const sourceRoots = ['studio', 'shared', 'vite.config.ts', 'package-lock.json'];
/** Written into the bundle's folder by every build (see `sourcesStamp`). */
export const stampFileName = '.sources-hash';

/** Browser tests and unit tests are not part of the bundle: changing them needs no rebuild. */
function isBuildInput(name: string, isDirectory: boolean): boolean {
  if (isDirectory) return name !== 'node_modules' && name !== 'e2e';
  return !/\.test\.tsx?$/.test(name);
}

function collect(path: string, into: string[]): void {
  if (!existsSync(path)) return;
  const entries = readdirSync(path, { withFileTypes: true });
  for (const entry of entries) {
    if (!isBuildInput(entry.name, entry.isDirectory())) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) collect(full, into);
    else if (entry.isFile()) into.push(full);
  }
}

/**
 * A hash of the contents of every file the studio is built from. Contents, not modification
 * times: a checkout, `git switch` or `docker COPY` changes times without changing the bundle.
 * About 400 files and 2 MB: a few tens of milliseconds at server start.
 */
export function studioSourcesHash(root: string): string {
  const files: string[] = [];
  for (const source of sourceRoots) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) collect(path, files);
    else files.push(path);
  }
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(root, f).split(sep).join('/')).sort()) {
    const bytes = readFileSync(join(root, file));
    // Name and length frame each file, so moving bytes between files changes the hash.
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The sources hash the bundle in `distDir` was built from, or null when it has none. */
export function readSourcesStamp(distDir: string): string | null {
  try {
    return readFileSync(join(distDir, stampFileName), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * A Vite plugin that records which sources a build was made from, so the server can tell a
 * stale bundle from a current one whoever built it (`npm start`, the Dockerfile, browser tests).
 * The hash is taken when the build starts: a file saved mid-build makes the next start rebuild.
 */
export function sourcesStamp(root: string, distDir: string): Plugin {
  let hash = '';
  return {
    name: 'fluxo-sources-stamp',
    apply: 'build',
    buildStart() {
      hash = studioSourcesHash(root);
    },
    writeBundle() {
      writeFileSync(join(distDir, stampFileName), `${hash}\n`);
    },
  };
}
