import { APICallError, generateText, type LanguageModel } from 'ai';
import type { AiProviderTestResult } from '../../shared/api/settings.ts';

/** An admin waits for "Testar": a cold local model may take a while, a dead address should not. */
export const aiTestTimeoutMs = 15_000;

/** The provider's own words, where its error body has them (`{ error: { message } }` in OpenAI's shape). */
function providerMessage(body: string | undefined): string | null {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    return typeof message === 'string' && message.trim() ? message.trim() : null;
  } catch {
    return body.trim().slice(0, 300) || null;
  }
}

function describeFailure(err: unknown, timeoutMs: number): NonNullable<AiProviderTestResult['error']> {
  if (APICallError.isInstance(err)) {
    return { status: err.statusCode ?? null, message: providerMessage(err.responseBody) ?? err.message };
  }
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { status: null, message: `O provedor não respondeu em ${timeoutMs / 1000} s.` };
  }
  return { status: null, message: err instanceof Error ? err.message : String(err) };
}

/**
 * "Testar": asks the model for one token, the cheapest real call that proves the address, the key
 * and the model name together. A refusal is the result, not an exception.
 */
export async function testAiProvider(model: LanguageModel, timeoutMs = aiTestTimeoutMs): Promise<AiProviderTestResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  try {
    await generateText({
      model,
      prompt: 'Responda apenas: ok',
      maxOutputTokens: 1,
      // The admin is told at once; retrying a wrong key three times only makes them wait.
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: true, error: null, durationMs: durationMs() };
  } catch (err) {
    return { ok: false, error: describeFailure(err, timeoutMs), durationMs: durationMs() };
  }
}
