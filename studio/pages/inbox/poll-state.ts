/**
 * What a polled view shows. Unlike a one-shot load, a failed poll keeps the last good
 * answer on screen (with the error beside it): an agent mid-conversation should not lose
 * the transcript to one dropped request.
 */
export interface PollState<T> {
  data: T | null;
  /** The newest request's failure; null once a newer one succeeds. */
  error: unknown;
  /** When the shown data arrived. */
  updatedAt: Date | null;
  /** The newest request whose answer was applied. */
  seq: number;
}

export type PollAnswer<T> = { seq: number; at: Date } & ({ ok: true; data: T } | { ok: false; error: unknown });

export function initialPoll<T>(): PollState<T> {
  return { data: null, error: null, updatedAt: null, seq: 0 };
}

/** Applies an answer unless a newer request already answered (polls and refreshes overlap). */
export function settlePoll<T>(state: PollState<T>, answer: PollAnswer<T>): PollState<T> {
  if (answer.seq <= state.seq) return state;
  if (answer.ok) return { data: answer.data, error: null, updatedAt: answer.at, seq: answer.seq };
  return { ...state, error: answer.error, seq: answer.seq };
}
