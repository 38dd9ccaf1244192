import { z } from 'zod';
import { flowDocument } from '../flow/schema.ts';
import { flowEnvironment } from '../flow/validate/environment.ts';

/** Flow JSON as clients send it: checked against the schema, defaults applied. */
export const flowInput = flowDocument;

export const flowSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  revision: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  nodeCount: z.number().int(),
  updatedAt: z.string(),
});
export type FlowSummary = z.infer<typeof flowSummary>;

export const flowDetail = flowSummary.extend({ draft: flowDocument });
export type FlowDetail = z.infer<typeof flowDetail>;

export const flowsResponse = z.object({ flows: z.array(flowSummary) });
export const flowResponse = z.object({ flow: flowDetail });

export const createFlowRequest = z
  .object({
    name: z.string().trim().min(1).max(120),
    /** Start from a starter template (`GET /api/templates`). */
    templateId: z.string().optional(),
    /** Or from a full flow document. */
    flow: flowInput.optional(),
    /**
     * With `templateId`: also add the template's sample catalog (`hasSampleData`), once;
     * entries already there are kept. A template without sample data ignores it.
     */
    withSampleData: z.boolean().default(false),
  })
  .refine((b) => !b.withSampleData || b.templateId !== undefined, {
    message: 'dados de exemplo vêm de um modelo: envie templateId junto com withSampleData',
    path: ['withSampleData'],
  });

/**
 * Saves the draft (`PUT` or `PATCH`, the same): only what is sent changes. `name` and
 * `description` alone rename the flow without resending its nodes. `revision` is not a field but
 * the lock: the revision the client edited; a newer one on the server means someone else saved: 409.
 */
export const saveDraftRequest = z
  .object({
    draft: flowInput.optional(),
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().max(2000).optional(),
    revision: z.number().int().min(1),
  })
  .refine((b) => b.draft !== undefined || b.name !== undefined || b.description !== undefined, {
    message: 'envie draft, name ou description',
    path: ['draft'],
  });

export const publishRequest = z.object({ note: z.string().trim().max(500).default('') });

export const flowVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  note: z.string(),
  author: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: z.string(),
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  /** The version new conversations run. */
  current: z.boolean(),
});
export type FlowVersion = z.infer<typeof flowVersion>;
export const versionsResponse = z.object({ versions: z.array(flowVersion) });
export const versionResponse = z.object({ version: flowVersion });
/** One published version with its graph, to look at (read-only) and compare with the draft. */
export const versionDetailResponse = z.object({ version: flowVersion, graph: flowDocument });
/**
 * Copies a published version into the draft. `revision` is the draft's revision the client
 * saw, as when saving: a newer one on the server means someone else saved: 409.
 */
export const restoreVersionRequest = z.object({ revision: z.number().int().min(1) });

/**
 * A bare flow document, or `{ flow, publish }`. Normalised to the wrapper before checking so
 * that errors name the field (`flow.nodes.3.data.options`) instead of "no union member matched".
 */
export const importRequest = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && 'flow' in v ? v : { flow: v }),
  z.object({ flow: flowInput, publish: z.boolean().default(false) }),
);

export const templateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  nodeCount: z.number().int(),
  /** Whether creating a flow from it can add sample catalog entries (`withSampleData`). */
  hasSampleData: z.boolean(),
});
export const templatesResponse = z.object({ templates: z.array(templateSummary) });

/** The installation's facts the studio passes to validation (`GET /api/flow-environment`). */
export const flowEnvironmentResponse = z.object({ environment: flowEnvironment });
/** With `flowId`, the environment also says whether a campaign starts that flow. */
export const flowEnvironmentQuery = z.object({ flowId: z.string().max(100).optional() });
