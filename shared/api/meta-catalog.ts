import { z } from 'zod';
import { updateRequestOf } from './common.ts';

/** What one sync did: counts per kind of change, and Meta's complaints per item. */
export const metaCatalogSyncResult = z.object({
  ok: z.boolean(),
  /** Items Fluxo has for Meta (products without variants, and variants). */
  items: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ retailerId: z.string(), message: z.string() })),
  /** Why the whole sync failed (Meta refused the call, no channel token): absent when it ran. */
  error: z.string().optional(),
  /** Automatic syncs that failed in a row (each retry waits longer): absent once one runs. */
  failures: z.number().int().optional(),
});
export type MetaCatalogSyncResult = z.infer<typeof metaCatalogSyncResult>;

export const metaCatalogLink = z.object({
  catalogId: z.string(),
  /** The Meta commerce catalog's id (Commerce Manager), connected to the WhatsApp Business Account. */
  metaCatalogId: z.string(),
  brand: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  /**
   * Syncs by itself a minute after product, variant, stock or photo changes (a burst of edits
   * makes one sync); a failed automatic sync is tried again later, waiting longer each time.
   */
  autoSync: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastSync: metaCatalogSyncResult.nullable(),
});
export type MetaCatalogLink = z.infer<typeof metaCatalogLink>;

export const metaCatalogLinkResponse = z.object({ link: metaCatalogLink.nullable() });

export const putMetaCatalogLinkRequest = z.object({
  metaCatalogId: z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, 'o id do catálogo da Meta tem só números (Gerenciador de Comércio)'),
  brand: z.string().trim().max(100).nullable().default(null),
  websiteUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  autoSync: z.boolean().default(false),
});

/** PATCH/PUT: only the fields sent change; a first link must carry `metaCatalogId`. */
export const updateMetaCatalogLinkRequest = updateRequestOf(putMetaCatalogLinkRequest);

export const metaCatalogSyncResponse = z.object({ link: metaCatalogLink });
