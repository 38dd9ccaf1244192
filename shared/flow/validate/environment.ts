import { z } from 'zod';

/**
 * Facts about the installation a flow runs in, which the flow itself cannot tell: the
 * server gathers them (catalog, configuration) and validation turns them into warnings.
 * Without them validation stays about the document alone, as it is for imports and files.
 */
export const flowEnvironment = z.object({
  /** Products a picker can offer (active, not sold out) per category id; absent ids have none. */
  activeProductsByCategory: z.record(z.string(), z.number().int().min(0)),
  /** The catalog each category belongs to; absent: not known, and a picker naming none counts every catalog. */
  catalogOfCategory: z.record(z.string(), z.string()).optional(),
  /**
   * The catalogs a picker naming neither catalog nor categories offers in this flow: those of
   * the channels answering with it (the default catalog for a channel without one). Absent: not
   * known (no channel answers with the flow yet), and every catalog counts.
   */
  pickerCatalogIds: z.array(z.string()).optional(),
  /** Whether LLM blocks have a provider to ask; without one they always take `error`. */
  aiConfigured: z.boolean(),
  /** The named providers of Configurações, for agent blocks that pick one; absent: not checked. */
  aiProviders: z.array(z.string()).optional(),
  /** A campaign starts this flow after its template (the server knows from the campaigns); absent: not known. */
  startedByCampaign: z.boolean().optional(),
});
export type FlowEnvironment = z.infer<typeof flowEnvironment>;
