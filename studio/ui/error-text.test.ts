import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { translate, type MessageKey, type MessageParams } from '../i18n/index.ts';
import { errorText } from './error-text.ts';

describe('errorText', () => {
  it('words a rate limit in the reader language with the wait the server gave', () => {
    const limited = new ApiError(429, 'rate_limited', 'Muitas tentativas de login erradas. Tente de novo em 300 s.', {
      retryAfterSeconds: 300,
    });
    const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
    const pt = (key: MessageKey, params?: MessageParams) => translate('pt-BR', key, params);
    expect(errorText(limited, en)).toBe('Too many attempts in a short time. Try again in 300 s.');
    expect(errorText(limited, pt)).toBe('Muitas tentativas em pouco tempo. Tente de novo em 300 s.');
  });
});
