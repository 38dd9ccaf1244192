import { afterAll, beforeAll } from 'vitest';
import {
  startFakeLlmApi,
  type FakeAgentAnswer,
  type FakeChatMessage,
  type FakeLlm,
  type FakeLlmAnswer,
} from '../../server/testing/fake-llm-api.ts';

/**
 * A fake OpenAI-compatible provider answering with `answer`, for a whole test file. Call it
 * before `useBrowserPage` (or `useBrowserPageWithGraph`): it starts before the server that is
 * told its address and closes after it (after hooks run in reverse order). Read it in tests
 * and hooks through the function returned.
 */
export function useFakeLlm(answer: (messages: FakeChatMessage[]) => FakeLlmAnswer | FakeAgentAnswer): () => FakeLlm {
  let llm: FakeLlm | undefined;
  beforeAll(async () => {
    llm = await startFakeLlmApi(answer);
  });
  afterAll(async () => {
    await llm?.close();
  });
  return () => {
    if (!llm) throw new Error('the fake LLM provider is used before its beforeAll ran');
    return llm;
  };
}
