/**
 * The periods the studio offers for analytics (the last N days); the API also takes ISO
 * `from`/`to`. Apart from the zod schemas so the studio's editor can read it without zod.
 */
export const analyticsDays = [7, 30, 90] as const;
