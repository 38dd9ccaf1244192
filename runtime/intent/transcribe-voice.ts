import { experimental_transcribe as transcribe } from 'ai';
import type { StepContext } from '../context.ts';
import type { AiRun } from '../effects.ts';
import type { InboundContent } from '../events.ts';

/** A voice note longer than this to transcribe is given up: the contact is waiting. */
const transcribeTimeoutMs = 20_000;

/**
 * What a voice note says, through the provider's transcription model (OpenAI-compatible
 * `/audio/transcriptions`), the file read through the media port; null for anything else, when
 * the provider has no transcription configured, or on any failure. Never throws; a call made is
 * recorded as an `ai_run`.
 */
export async function transcribeVoice(
  ctx: StepContext,
  provider: string,
  content: InboundContent,
): Promise<string | null> {
  if (content.kind !== 'media' || content.media !== 'audio') return null;
  const { media, aiMedia } = ctx.ports;
  if (!media || !aiMedia) return null;
  const model = await aiMedia(provider).then(
    (s) => s.transcription,
    () => null,
  );
  if (!model) return null;
  const run: Omit<AiRun, 'outcome' | 'error'> = {
    nodeId: ctx.nodeId,
    provider,
    model: typeof model === 'object' ? model.modelId : model,
    steps: 1,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    toolCalls: [],
  };
  try {
    const file = await media({ mediaId: content.mediaId, url: content.url, mimeType: content.mimeType });
    if (!file) throw new Error('the voice note could not be downloaded');
    const result = await transcribe({
      model,
      audio: file.bytes,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(transcribeTimeoutMs),
    });
    const text = result.text.trim();
    ctx.emit({ type: 'ai_run', run: { ...run, outcome: 'transcribed', error: null } });
    return text === '' ? null : text;
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    ctx.emit({ type: 'ai_run', run: { ...run, outcome: 'error', error } });
    return null;
  }
}
