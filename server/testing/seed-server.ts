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
 * Prepares a database for a server started as a child process: schema, one published flow,
 * channels using it. Done with our own connection, closed before the server starts, since
 * only one process may open an embedded (PGlite) data dir.
 */
export async function seedServer(o: {
  databaseUrl?: string;
  dataDir: string;
  secretKey: string;
  flow: FlowDocumentInput;
  channels: SeedChannel[];
  markRead?: boolean;
}): Promise<{ flowId: string }> {
  const database = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir, poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const imported = await importFlow(database.db, flowDocument.parse(o.flow), true, null);
    if (!imported.ok) throw new Error(`seed flow is invalid: ${imported.problems.map((p) => p.message).join('; ')}`);
    const secrets = createSecretBox(o.secretKey);
    await database.db
      .insertInto('channels')
      .values(
        o.channels.map((c, i) => ({
          id: `channel-${c.phoneNumberId}`,
          name: `Número ${i + 1}`,
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
    return { flowId: imported.flow.id };
  } finally {
    await database.close();
  }
}
