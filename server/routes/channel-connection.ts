import { sql, type UpdateObject } from 'kysely';
import type { ChannelConnection, PhoneNumberFacts } from '../../shared/api/channel-checks.ts';
import type { Database, Row } from '../db/tables.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function factsOf(details: Record<string, unknown> | null): PhoneNumberFacts | null {
  if (details === null) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    displayPhoneNumber: text(details.displayPhoneNumber),
    verifiedName: text(details.verifiedName),
    qualityRating: text(details.qualityRating),
    throughput: typeof details.throughput === 'number' ? details.throughput : null,
  };
}

/**
 * A channel's status as the studio shows it: saving proves nothing, so a channel is
 * `unchecked` until a connection test (or a real send) succeeded or failed. A token the sender
 * saw rejected wins over an older successful test.
 */
export function connectionView(ch: Row<'channels'>): {
  connection: ChannelConnection;
  webhookVerifiedAt: string | null;
} {
  const checkedAt = iso(ch.checked_at);
  const webhookVerifiedAt = iso(ch.webhook_verified_at);
  if (!ch.healthy)
    return { connection: { status: 'error', checkedAt, error: ch.health_error, number: null }, webhookVerifiedAt };
  if (ch.checked_at === null)
    return { connection: { status: 'unchecked', checkedAt: null, error: null, number: null }, webhookVerifiedAt };
  const connection: ChannelConnection = ch.check_ok
    ? { status: 'ok', checkedAt, error: null, number: factsOf(ch.check_details) }
    : { status: 'error', checkedAt, error: ch.check_error, number: null };
  return { connection, webhookVerifiedAt };
}

/**
 * What an edit un-proves, as SET expressions that compare with the stored row: a new token or
 * number needs a new test, and a new verify token a new handshake (Meta repeats it when the
 * token is changed in the App Dashboard). The studio sends unchanged fields back, so "sent" is
 * not "changed".
 */
export function uncheckedBy(body: {
  accessToken?: string;
  phoneNumberId?: string;
  verifyToken?: string;
}): UpdateObject<Database, 'channels'> {
  const changes: UpdateObject<Database, 'channels'> = {};
  const sameNumber =
    body.phoneNumberId === undefined ? sql<boolean>`true` : sql<boolean>`phone_number_id = ${body.phoneNumberId}`;
  const keep = body.accessToken === undefined ? sameNumber : sql<boolean>`false`;
  if (body.accessToken !== undefined || body.phoneNumberId !== undefined) {
    changes.checked_at = sql`case when ${keep} then checked_at end`;
    changes.check_ok = sql`case when ${keep} then check_ok end`;
    changes.check_error = sql`case when ${keep} then check_error end`;
    changes.check_details = sql`case when ${keep} then check_details end`;
  }
  if (body.verifyToken !== undefined) {
    changes.webhook_verified_at = sql`case when verify_token = ${body.verifyToken} then webhook_verified_at end`;
  }
  return changes;
}

export const unreadableSecretsMessage =
  'O token e o app secret salvos não podem ser lidos com a SECRET_KEY deste servidor (ela mudou?). Informe-os de novo.';

/** Secrets that do not open outrank any earlier test: the number cannot work until they are sent again. */
export function withSecretsProblem<T extends { connection: ChannelConnection }>(
  view: T,
  secretsReadable: boolean,
): T & { secretsReadable: boolean } {
  if (secretsReadable) return { ...view, secretsReadable };
  return {
    ...view,
    secretsReadable,
    connection: {
      status: 'error',
      checkedAt: view.connection.checkedAt,
      error: unreadableSecretsMessage,
      number: null,
    },
  };
}
