/**
 * Errors that say the database could not be reached or dropped the connection, as opposed to
 * a statement that failed on its merits. Work that hit one did nothing wrong and should simply
 * run again once the database is back.
 */
const socketCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** admin_shutdown (`pg_terminate_backend`, a restart), crash_shutdown, cannot_connect_now. */
const serverCodes = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres says, without a code, when a connection ends or cannot be had. */
const clientMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed|Connection ended/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08')))
    return true;
  return clientMessages.test(err.message);
}
