import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureStudioBuilt } from './build-studio.ts';
import { createLogger } from './logger.ts';
import { readSourcesStamp, sourcesStamp, stampFileName, studioSourcesHash } from './studio-sources.ts';

let root: string;
let builds: number;
let logged: string[];
const logger = createLogger('info', (line) => logged.push(line));
const dist = () => join(root, 'dist', 'studio');

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Stands in for `vite build`: writes a bundle and stamps it through the real plugin's hooks. */
async function fakeViteBuild(at: string) {
  const plugin = sourcesStamp(at, join(at, 'dist', 'studio'));
  (plugin.buildStart as () => void)();
  mkdirSync(join(at, 'dist', 'studio'), { recursive: true });
  writeFileSync(join(at, 'dist', 'studio', 'index.html'), `<!doctype html><p>build ${++builds}</p>`);
  (plugin.writeBundle as () => void)();
}
const start = (build = fakeViteBuild) => ensureStudioBuilt(logger, { root, build });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fluxo-studio-'));
  builds = 0;
  logged = [];
  write('studio/index.html', '<div id="root"></div>');
  write('studio/editor/Canvas.tsx', 'export const a = 1;');
  write('shared/flow/schema.ts', 'export const b = 2;');
  write('vite.config.ts', 'export default {};');
  write('package-lock.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ensureStudioBuilt', () => {
  it('builds once on a fresh clone, then starts without building while nothing changed', async () => {
    expect(await start()).toBe(dist());
    expect(builds).toBe(1);
    expect(readSourcesStamp(dist())).toBe(studioSourcesHash(root));
    await start();
    await start();
    expect(builds).toBe(1);
  });

  it.each([
    ['a studio source', 'studio/editor/Canvas.tsx'],
    ['a shared schema file', 'shared/flow/schema.ts'],
    ['the build config', 'vite.config.ts'],
    ['the locked dependencies', 'package-lock.json'],
  ])('rebuilds when %s changed since the last build', async (_label, path) => {
    await start();
    write(path, '// edited');
    await start();
    expect(builds).toBe(2);
    expect(logged.join('\n')).toContain('rebuilding');
  });

  it('rebuilds when a studio file is added', async () => {
    await start();
    write('studio/nodes/new-node.tsx', 'export {};');
    await start();
    expect(builds).toBe(2);
  });

  it('does not rebuild for tests and browser tests, which are not in the bundle', async () => {
    await start();
    write('studio/editor/Canvas.test.tsx', 'test');
    write('studio/e2e/editor.e2e.test.ts', 'test');
    await start();
    expect(builds).toBe(1);
  });

  it('rebuilds a bundle made before builds were stamped', async () => {
    await start();
    rmSync(join(dist(), stampFileName));
    await start();
    expect(builds).toBe(2);
  });

  it('serves the previous bundle when a rebuild fails, and fails when there is none', async () => {
    const failing = () => Promise.reject(new Error('vite is not installed'));
    await expect(start(failing)).rejects.toThrow('vite is not installed');
    await start();
    write('studio/editor/Canvas.tsx', '// edited');
    expect(await start(failing)).toBe(dist());
    expect(logged.join('\n')).toContain('serving the previous build');
  });
});

describe('studioSourcesHash', () => {
  it('depends on which file holds which bytes, not only on the bytes', () => {
    const before = studioSourcesHash(root);
    write('studio/editor/Canvas.tsx', 'export const a = 1;export const b = 2;');
    write('shared/flow/schema.ts', '');
    expect(studioSourcesHash(root)).not.toBe(before);
  });
});
