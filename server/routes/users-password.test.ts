import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../auth/password-policy.ts';
import { commands } from '../cli/commands.ts';
import { CliError } from '../cli/usage.ts';
import { ensureAdmin } from '../db/queries/users.ts';
import { readConfig } from '../env.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('password policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const users = async () => (await t.testDb.db.selectFrom('users').select('email').execute()).map((u) => u.email);

  it.each([
    ['too short', 'curta-123', 'invalid_request'],
    ['among the most common', 'password123', 'weak_password'],
    ['common whatever the case', 'QwertyUiop', 'weak_password'],
    ['a Brazilian favourite', 'senha12345', 'weak_password'],
  ])('refuses a new user whose password is %s, and creates nothing', async (_, password, code) => {
    const res = await t.as('admin').json<{ error: { code: string; message: string } }>('POST', '/api/users', {
      email: 'nova@fluxo.test',
      password,
      role: 'editor',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await users()).not.toContain('nova@fluxo.test');
  });

  it('accepts a long uncommon password, and refuses changing it to a common one', async () => {
    const created = await t.as('admin').json<{ user: { id: string } }>('POST', '/api/users', {
      email: 'nova@fluxo.test',
      password: 'cavalo-bateria-grampo',
      role: 'editor',
    });
    expect(created.status).toBe(201);
    const before = await t.testDb.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', created.body.user.id)
      .executeTakeFirstOrThrow();
    const change = await t
      .as('admin')
      .json<{ error: { code: string } }>('PUT', `/api/users/${created.body.user.id}`, { password: '1234567890' });
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('weak_password');
    const after = await t.testDb.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', created.body.user.id)
      .executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(before.password_hash);
  });

  it('refuses a common ADMIN_PASSWORD on first start, but not once that admin exists', async () => {
    await expect(ensureAdmin(t.testDb.db, { email: 'primeiro@fluxo.test', password: 'iloveyou123' })).rejects.toThrow(
      /ADMIN_PASSWORD refused/,
    );
    expect(await users()).not.toContain('primeiro@fluxo.test');
    expect(await ensureAdmin(t.testDb.db, { email: 'owner@fluxo.test', password: 'curta' })).toBe(false);
  });

  it('refuses a weak password in the CLI before touching the database', async () => {
    const lines: string[] = [];
    const run = commands['admin create']!({
      config: readConfig({ DATA_DIR: '/nonexistent/never-created' }),
      args: [],
      options: { email: 'cli@fluxo.test', password: 'qwerty12345' },
      print: (l) => lines.push(l),
    });
    await expect(run).rejects.toThrow(CliError);
    await expect(run).rejects.toThrow(/mais usadas/);
    expect(lines).toEqual([]);
  });

  it('says why, in Portuguese, and accepts passphrases', () => {
    expect(passwordProblem('abc')).toMatch(/pelo menos 10 caracteres/);
    expect(passwordProblem('cavalo-bateria-grampo')).toBeNull();
  });
});
