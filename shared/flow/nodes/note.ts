import { z } from 'zod';

/** A sticky note on the canvas: never executed, never connected. */
export const noteData = z.object({
  text: z.string().max(4000).default(''),
  color: z.enum(['yellow', 'blue', 'green', 'pink']).default('yellow'),
});
export type NoteData = z.infer<typeof noteData>;
