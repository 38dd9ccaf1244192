import { z } from 'zod';

/** An agent's upload, ready to send: `url` is the public link Meta downloads it from. */
export const uploadedMedia = z.object({
  id: z.string(),
  kind: z.enum(['image', 'document']),
  mimeType: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type UploadedMediaView = z.infer<typeof uploadedMedia>;
export const uploadMediaResponse = z.object({ media: uploadedMedia });
