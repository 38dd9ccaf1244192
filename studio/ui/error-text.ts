import { ApiError } from '../api/http.ts';
import type { MessageKey, MessageParams } from '../i18n/index.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * What to tell a business user about a failure: the server's own message (pt-BR, written
 * for people) when it sent one, otherwise a plain sentence instead of a stack trace.
 */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status >= 500) return t('error.server');
    // Rate limits: the studio says it in the reader's language, with the wait the server gave.
    if (error.status === 429) {
      const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      return t('error.rateLimited', { seconds: typeof seconds === 'number' ? seconds : 60 });
    }
    return error.message;
  }
  return t('error.unexpected');
}
