import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { flowDocument } from '../../shared/flow/schema.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import { importFlow } from '../flows/import-flow.ts';

export interface SeedChannel {
  phoneNumberId: string;
  appSecret: string;
  accessToken: string;
}

/**
 * Prepares a database for a server started as a child process: schema, published flows,
 * channels using them. Done with our own connection, closed before the server starts, since
 * only one process may open an embedded (PGlite) data dir.
 */
export async function seedServer(o: {
  databaseUrl?: string;
  dataDir: string;
  secretKey: string;
  flow: FlowDocumentInput;
  channels: SeedChannel[];
  /** Further flows, each published and answering its own channels (the benchmark's second flow). */
  more?: { flow: FlowDocumentInput; channels: SeedChannel[] }[];
  markRead?: boolean;
}): Promise<{ flowId: string }> {
  const database = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const secrets = createSecretBox(o.secretKey);
    let first: string | undefined;
    for (const { flow, channels } of [{ flow: o.flow, channels: o.channels }, ...(o.more ?? [])]) {
      const imported = await importFlow(database.db, flowDocument.parse(flow), true, null);
      if (!imported.ok) throw new Error(`seed flow is invalid: ${imported.problems.map((p) => p.message).join('; ')}`);
      first ??= imported.flow.id;
      if (!channels.length) continue;
      await database.db
        .insertInto('channels')
        .values(
          channels.map((c) => ({
            id: `channel-${c.phoneNumberId}`,
            name: `Número ${c.phoneNumberId.slice(-4)}`,
            phone_number_id: c.phoneNumberId,
            waba_id: '0',
            access_token_enc: secrets.seal(c.accessToken),
            app_secret_enc: secrets.seal(c.appSecret),
            verify_token: `verify-${c.phoneNumberId}`,
            flow_id: imported.flow.id,
            mark_read: o.markRead ?? true,
          })),
        )
        .execute();
    }
    return { flowId: first ?? '' };
  } finally {
    await database.close();
  }
}
