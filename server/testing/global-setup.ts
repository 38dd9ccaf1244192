import { mkdirSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { PGliteDialect } from '../db/pglite-dialect.ts';
import { templateDatabaseName, templateTarball } from './paths.ts';

/**
 * Builds one migrated database per test run and hands tests a copy of it: initdb takes
 * seconds on PGlite, opening a dump takes a fraction of one. With DATABASE_URL set, a
 * Postgres template database plays the same role (`create database … template …`).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = templateDatabaseName();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 2 });
    const { PostgresDialect } = await import('kysely');
    const db = new Kysely<never>({ dialect: new PostgresDialect({ pool }) }) as unknown as Db;
    await migrateToLatest(db);
    await db.destroy();
    project.provide('pgTemplate', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    };
  }
  const pglite = await PGlite.create();
  // PGlite in this thread: there is no queue to run urgent statements ahead of.
  const inThread = {
    query: <R>(text: string, params?: unknown[]) => pglite.query<R>(text, params),
    close: () => pglite.close(),
  };
  const db = new Kysely<never>({ dialect: new PGliteDialect(inThread) }) as unknown as Db;
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  const path = templateTarball();
  mkdirSync(path.replace(/\/[^/]+$/, ''), { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide('pgTemplate', '');
  return undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
