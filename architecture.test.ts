import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * The house rules on imports and purity (shared/ imports only zod; runtime/ does no I/O and reads
 * no clock or randomness; no folder imports one above it), checked on every `npm test` so they
 * hold without anyone remembering. The rules themselves: `.dependency-cruiser.cjs`, `eslint.config.js`.
 */
describe('architecture', () => {
  it('imports respect the folder boundaries (dependency-cruiser)', async () => {
    const result = await run(
      'npx',
      [
        'depcruise',
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'err',
        'shared',
        'runtime',
        'server',
        'studio',
        'migrations',
      ],
      { maxBuffer: 10 * 1024 * 1024 },
    ).then(
      () => ({ ok: true, out: '' }),
      (err: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${err.stdout}${err.stderr}` }),
    );
    expect(result.out).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('runtime/ and shared/ never read the clock or randomness directly (eslint)', async () => {
    const result = await run('npx', ['eslint', '--max-warnings', '0', 'runtime', 'shared'], {
      maxBuffer: 10 * 1024 * 1024,
    }).then(
      () => ({ ok: true, out: '' }),
      (err: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${err.stdout}${err.stderr}` }),
    );
    expect(result.out).toBe('');
    expect(result.ok).toBe(true);
  }, 120_000);
});
