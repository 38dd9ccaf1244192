import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { flowDocument } from '../../shared/flow/schema.ts';
import { runConversationFile } from '../../runtime/testing/run-conversation-file.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { resolveSecretKey } from '../auth/secret-key.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser, findUserByEmail } from '../db/queries/users.ts';
import type { Config } from '../env.ts';
import { importFlow } from '../flows/import-flow.ts';
import { describeIssues } from '../http/validation-hook.ts';
import { CliError } from './usage.ts';

export interface CliContext {
  config: Config;
  args: string[];
  options: Record<string, string | boolean | undefined>;
  print(line: string): void;
}
type Command = (ctx: CliContext) => Promise<number>;

function option(ctx: CliContext, name: string): string {
  const value = ctx.options[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`--${name} is required`);
  return value;
}

async function withDb<T>(ctx: CliContext, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    databaseUrl: ctx.config.databaseUrl,
    dataDir: ctx.config.dataDir,
    poolSize: 2,
  });
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
}

const roles = ['admin', 'editor', 'supervisor', 'agent'] as const;

export const commands: Record<string, Command> = {
  migrate: (ctx) =>
    withDb(ctx, async () => {
      ctx.print('database is up to date');
      return 0;
    }),

  'admin create': async (ctx) => {
    const email = option(ctx, 'email').toLowerCase();
    const password = option(ctx, 'password');
    // Checked before opening the database: a refused password should not wait for it.
    const problem = passwordProblem(password);
    if (problem) throw new CliError(`--password refused: ${problem}`);
    return withDb(ctx, async (db) => {
      if (await findUserByEmail(db, email)) throw new CliError(`a user with email ${email} already exists`);
      const name = typeof ctx.options.name === 'string' ? ctx.options.name : 'Admin';
      const user = await createUser(db, { email, name, password, role: 'admin' });
      ctx.print(`admin created: ${user.email} (${user.id})`);
      return 0;
    });
  },

  'token create': (ctx) =>
    withDb(ctx, async (db) => {
      const role = option(ctx, 'role');
      if (!(roles as readonly string[]).includes(role)) throw new CliError(`--role must be one of ${roles.join(', ')}`);
      const name = typeof ctx.options.name === 'string' ? ctx.options.name : `cli ${role}`;
      // With --user the token acts as that user (stops when they are disabled or deleted); without,
      // it is a "system" token: whoever runs the CLI already holds the database, and admins see and
      // revoke it in the token list like any other.
      let owner: string | null = null;
      if (typeof ctx.options.user === 'string') {
        const user = await findUserByEmail(db, ctx.options.user);
        if (!user || user.disabled) throw new CliError(`no active user with email ${ctx.options.user}`);
        if (user.role !== 'admin' && user.role !== role)
          throw new CliError(`${user.email} is ${user.role}: a ${role} token would not work`);
        owner = user.id;
      }
      let expiresAt: Date | null = null;
      if (ctx.options['expires-days'] !== undefined) {
        const days = Number(ctx.options['expires-days']);
        if (!Number.isInteger(days) || days < 1 || days > 3650)
          throw new CliError('--expires-days is a whole number from 1 to 3650');
        expiresAt = new Date(Date.now() + days * 86_400_000);
      }
      const { secret } = await createApiToken(db, {
        name,
        role: role as (typeof roles)[number],
        createdBy: owner,
        expiresAt,
      });
      ctx.print(secret);
      return 0;
    }),

  'flow import': (ctx) =>
    withDb(ctx, async (db) => {
      const file = ctx.args[0];
      if (!file) throw new CliError('usage: flow import FILE [--publish]');
      const raw = readJson(file);
      const input = raw && typeof raw === 'object' && 'flow' in raw ? (raw as { flow: unknown }).flow : raw;
      const parsed = flowDocument.safeParse(input);
      if (!parsed.success) throw new CliError(`${file}: ${describeIssues(parsed.error).message}`);
      const result = await importFlow(db, parsed.data, ctx.options.publish === true, null);
      if (!result.ok) {
        for (const p of result.problems.filter((x) => x.severity === 'error')) {
          ctx.print(`  ${p.nodeId ?? '-'}: ${p.messages.en}`);
        }
        throw new CliError('the flow has problems and was not imported');
      }
      ctx.print(
        `imported "${result.flow.name}" as ${result.flow.id}${result.flow.published_version ? ' (published as version 1)' : ''}`,
      );
      return 0;
    }),

  'flow export': (ctx) =>
    withDb(ctx, async (db) => {
      const id = ctx.args[0];
      if (!id) throw new CliError('usage: flow export ID [--out FILE]');
      const row = await db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new CliError(`no flow with id ${id}`);
      const json = `${JSON.stringify(flowDocument.parse(row.draft), null, 2)}\n`;
      if (typeof ctx.options.out === 'string') writeFileSync(ctx.options.out, json);
      else process.stdout.write(json);
      return 0;
    }),

  'flow test': async (ctx) => {
    const file = ctx.args[0];
    if (!file) throw new CliError('usage: flow test FILE.conversation.json');
    const result = await runConversationFile(file);
    ctx.print(result.ok ? `✓ ${result.name}` : `✗ ${result.name}`);
    for (const f of result.failures) ctx.print(`  ${f}`);
    return result.ok ? 0 : 1;
  },

  'channel add': (ctx) =>
    withDb(ctx, async (db) => {
      const phoneNumberId = option(ctx, 'phone-number-id');
      if (!/^\d{5,30}$/.test(phoneNumberId)) throw new CliError('--phone-number-id has digits only');
      const secrets = createSecretBox(resolveSecretKey(ctx.config.secretKey, ctx.config.dataDir));
      const flowId = typeof ctx.options.flow === 'string' ? ctx.options.flow : null;
      if (flowId && !(await db.selectFrom('flows').select('id').where('id', '=', flowId).executeTakeFirst())) {
        throw new CliError(`no flow with id ${flowId}`);
      }
      const taken = await db
        .selectFrom('channels')
        .select('id')
        .where('phone_number_id', '=', phoneNumberId)
        .executeTakeFirst();
      if (taken) throw new CliError(`phone number id ${phoneNumberId} is already connected`);
      const id = randomUUID();
      await db
        .insertInto('channels')
        .values({
          id,
          name: option(ctx, 'name'),
          phone_number_id: phoneNumberId,
          waba_id: typeof ctx.options['waba-id'] === 'string' ? ctx.options['waba-id'] : null,
          access_token_enc: secrets.seal(option(ctx, 'token')),
          app_secret_enc: secrets.seal(option(ctx, 'app-secret')),
          verify_token: option(ctx, 'verify-token'),
          flow_id: flowId,
        })
        .execute();
      ctx.print(`channel added: ${id}`);
      return 0;
    }),
};
