import { createHash, randomBytes } from 'node:crypto';

/** An unguessable secret for a login session or an API token (shown once, stored hashed). */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are high-entropy, so a fast hash is enough to make a leaked table useless. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
