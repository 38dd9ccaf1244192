import { Kysely, type Transaction } from 'kysely';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Query functions take either the database or an open transaction. */
export type Executor = Db | Tx;
export type { Database };
