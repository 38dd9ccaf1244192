import type { UnderstandAi } from '../../shared/flow/nodes/understand-ai.ts';
import type { Choice, ChoiceAnswer } from '../choice.ts';
import type { StepContext } from '../context.ts';
import type { InboundContent } from '../events.ts';
import { matchOption } from '../lib/match-option.ts';
import { typedText } from '../text.ts';
import { classifyAnswer } from './classify.ts';
import { transcribeVoice } from './transcribe-voice.ts';

/**
 * A second reading, with AI, of an answer the options did not match: a voice note is transcribed
 * and matched like typed text, then whatever is still unmatched is classified. Without "Entender
 * com IA" (or a provider that can) the first reading stands.
 */
export async function understandChoice(
  ctx: StepContext,
  ai: UnderstandAi,
  options: readonly Choice[],
  content: InboundContent,
  first: ChoiceAnswer,
): Promise<ChoiceAnswer> {
  if (!ai.enabled || (first.kind !== 'none' && first.kind !== 'unreadable')) return first;
  const spoken = first.kind === 'unreadable' ? await transcribeVoice(ctx, ai.provider, content) : null;
  const said = spoken ?? typedText(content);
  if (said === null) return first;
  const matched = spoken === null ? null : matchOption(spoken, options);
  const id = matched ?? (await classifyAnswer(ctx, ai, said, options));
  return id === null ? { kind: 'none' } : { kind: 'choice', id };
}
