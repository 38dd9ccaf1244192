import { PGlite } from '@electric-sql/pglite';
const pg = await PGlite.create(process.argv[2]);
await pg.exec('create table if not exists t (i int)');
let i = 0;
for (;;) { await pg.query('insert into t values ($1)', [++i]); process.stdout.write(`${i}\n`); }
