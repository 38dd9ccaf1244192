import { parseArgs } from 'node:util';
import { readConfig } from '../env.ts';
import { commands, type CliContext } from './commands.ts';
import { CliError, usage } from './usage.ts';

/** `npm run cli -- <command>`: admin tasks that need no browser. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      publish: { type: 'boolean' },
      out: { type: 'string' },
      'phone-number-id': { type: 'string' },
      token: { type: 'string' },
      'app-secret': { type: 'string' },
      'verify-token': { type: 'string' },
      flow: { type: 'string' },
      'waba-id': { type: 'string' },
      user: { type: 'string' },
      'expires-days': { type: 'string' },
    },
  });
  const key = positionals.slice(0, 2).join(' ');
  const command = commands[key] ?? commands[positionals[0] ?? ''];
  if (values.help || !command) {
    process.stdout.write(usage);
    return values.help || positionals.length === 0 ? 0 : 2;
  }
  const rest = positionals.slice(commands[key] ? 2 : 1);
  const ctx: CliContext = {
    config: readConfig(),
    args: rest,
    options: values,
    print: (l) => process.stdout.write(`${l}\n`),
  };
  return command(ctx);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CliError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${err.message}\n\n${usage}`);
      process.exit(2);
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
