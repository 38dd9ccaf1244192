import { z } from 'zod';

/**
 * Catalog entries a starter template brings along, so that a fresh install answers with
 * something on its first try. Ids are fixed and prefixed `exemplo-`: adding the same sample
 * twice finds them already there and adds nothing. `image` names a file in
 * `sample-images/`, which the server serves at `/samples/<file>` (Meta fetches pictures by
 * URL, so they must be public and need no internet access to ship).
 */
const sampleId = z.string().regex(/^exemplo-[a-z0-9-]+$/, 'sample ids start with "exemplo-"');

export const sampleImageFile = /^[a-z0-9-]+\.png$/;

export const sampleCatalog = z.object({
  categories: z
    .array(z.object({ id: sampleId, name: z.string().min(1).max(24), position: z.number().int().min(0) }))
    .min(1),
  products: z
    .array(
      z.object({
        id: sampleId,
        categoryId: sampleId,
        name: z.string().min(1).max(24),
        description: z.string().max(1000).default(''),
        priceCents: z.number().int().min(0),
        image: z.string().regex(sampleImageFile).nullable().default(null),
        stock: z.number().int().min(0).nullable().default(null),
      }),
    )
    .min(1),
});
export type SampleCatalog = z.infer<typeof sampleCatalog>;
