import type { Config } from './env.ts';
import type { SecretBox } from './auth/secret-box.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './logger.ts';
import type { Role } from './db/tables.ts';

export interface Clock {
  now(): Date;
}

/** What the HTTP layer needs from the outside world; tests pass their own. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
}

/** Who is calling: a logged-in user or an API token (acting with the token's role). */
export interface Actor {
  kind: 'user' | 'token';
  id: string;
  role: Role;
  /** The user behind the call (the token's creator for tokens), for authorship. */
  userId: string | null;
}

export type AppEnv = { Variables: { deps: AppDeps; actor: Actor } };
