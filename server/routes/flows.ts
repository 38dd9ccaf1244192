import { createRoute, z } from '@hono/zod-openapi';
import {
  createFlowRequest,
  flowResponse,
  flowsResponse,
  importRequest,
  publishRequest,
  saveDraftRequest,
  versionResponse,
  versionsResponse,
} from '../../shared/api/flows.ts';
import { flowDocument, type FlowDocument } from '../../shared/flow/schema.ts';
import { validateFlow, type Problem } from '../../shared/flow/validate/index.ts';
import { starterTemplates } from '../../shared/templates/index.ts';
import type { SampleCatalog } from '../../shared/templates/sample-data.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { importFlow } from '../flows/import-flow.ts';
import { addSampleCatalog, pickersUsing } from '../flows/add-sample-catalog.ts';
import { loadFlowEnvironment } from '../flows/flow-environment.ts';
import { unreachableProviderProblems } from '../flows/provider-reachability.ts';
import { simulate } from '../conversation/simulate.ts';
import { simulatorPorts } from '../conversation/simulator-ports.ts';
import { simulateRequest, simulateResponse } from '../../shared/api/simulate.ts';
import {
  findFlow,
  findVersion,
  insertFlow,
  listFlows,
  listVersions,
  publishVersion,
  saveDraft,
  setPublishedVersion,
} from '../db/queries/flows.ts';
import { requireRole } from '../http/auth.ts';
import { AppError, notFound } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';
import { draftOf, flowDetailView, flowSummaryView, versionView } from './flow-views.ts';
import type { AgendaRules } from '../../shared/agenda/agenda.ts';
import { insertAgenda } from '../db/queries/agendas.ts';

export const flowRoutes = createRouter();
flowRoutes.use('*', requireRole('editor'));

const idParam = z.object({ id: z.string().min(1).max(100) });
const versionParam = idParam.extend({ v: z.coerce.number().int().min(1) });
const tags = ['flows'];

function invalidFlow(problems: Problem[]) {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0]?.message ?? '';
  return new AppError(
    422,
    'invalid_flow',
    `O fluxo tem ${errors.length} problema(s) a corrigir antes de publicar. ${first}`.trim(),
    { problems },
  );
}

async function requireFlow(c: { var: { deps: { db: import('../db/database.ts').Db } } }, id: string) {
  const row = await findFlow(c.var.deps.db, id);
  if (!row) throw notFound('Fluxo');
  return row;
}

flowRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(flowsResponse, 'All flows') } }),
  async (c) => c.json({ flows: (await listFlows(c.var.deps.db)).map(flowSummaryView) }, 200),
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createFlowRequest) },
    responses: { 201: json(flowResponse, 'Created') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid('json');
    let base: FlowDocument = flowDocument.parse({
      name: body.name,
      nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }],
    });
    let sample: { data: SampleCatalog; catalogName: string } | null = null;
    let agendas: Readonly<Record<string, AgendaRules>> = {};
    if (body.templateId) {
      const template = starterTemplates.find((t) => t.id === body.templateId);
      if (!template) throw new AppError(400, 'unknown_template', `Modelo "${body.templateId}" não existe.`);
      base = flowDocument.parse(template.flow);
      if (body.withSampleData && template.sampleData)
        sample = { data: template.sampleData, catalogName: template.name };
      agendas = template.agendas;
    } else if (body.flow) {
      base = body.flow;
    }
    // Pictures are fetched by Meta (and shown by the studio) from this server.
    const imageBase = publicBaseUrl(c);
    const row = await db.transaction().execute(async (tx) => {
      // The samples get a catalog of their own (named after the template) and the flow's pickers offer it.
      const catalogId = sample ? await addSampleCatalog(tx, sample.data, imageBase, sample.catalogName) : null;
      const doc = catalogId ? pickersUsing(base, catalogId) : base;
      const created = await insertFlow(tx, { ...doc, name: body.name }, c.var.actor.userId);
      for (const [id, rules] of Object.entries(agendas)) await insertAgenda(tx, rules, id);
      await recordAudit(
        tx,
        c.var.actor,
        'flow.create',
        { type: 'flow', id: created.id },
        { template: body.templateId ?? null, sampleData: sample !== null },
      );
      return created;
    });
    return c.json({ flow: flowDetailView(row) }, 201);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/import',
    tags,
    request: { body: jsonBody(importRequest) },
    responses: { 201: json(flowResponse, 'Imported as a new flow') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid('json');
    const { flow, publish } = body;
    const unreachable = publish ? await unreachableProviderProblems(flow, c.var.deps) : [];
    if (unreachable.length > 0) throw invalidFlow([...validateFlow(flow).problems, ...unreachable]);
    const result = await importFlow(db, flow, publish, c.var.actor);
    if (!result.ok) throw invalidFlow(result.problems);
    const row = result.flow;
    return c.json({ flow: flowDetailView(row) }, 201);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 200: json(flowResponse, 'The flow with its draft') },
  }),
  async (c) => {
    const row = await requireFlow(c, c.req.valid('param').id);
    c.header('ETag', `"${row.revision}"`);
    return c.json({ flow: flowDetailView(row) }, 200);
  },
);

updateRoute(
  flowRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(saveDraftRequest) },
    responses: { 200: json(flowResponse, 'Saved; revision bumped. Only what is sent changes (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const { draft: sent, name, description, revision } = c.req.valid('json');
    // The stale-revision check below still guards this read: a save in between makes it a 409.
    const base = sent ?? draftOf(await requireFlow(c, id));
    const draft = {
      ...base,
      ...(name === undefined ? {} : { name }),
      ...(description === undefined ? {} : { description }),
    };
    const saved = await saveDraft(db, id, draft, revision, c.var.actor.userId, clock.now());
    if (!saved) {
      const current = await requireFlow(c, id);
      throw new AppError(
        409,
        'conflict',
        'Outra pessoa salvou este fluxo depois que você o abriu. Recarregue para ver a versão mais nova.',
        { revision: current.revision },
      );
    }
    c.header('ETag', `"${saved.revision}"`);
    return c.json({ flow: flowDetailView(saved) }, 200);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted with its versions' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Fluxo',
      action: 'flow.delete',
      target: { type: 'flow', id },
      change: (tx) => tx.deleteFrom('flows').where('id', '=', id).returning('id').executeTakeFirst(),
    });
    return c.body(null, 204);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/validate',
    tags,
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ ok: z.boolean(), problems: z.array(z.record(z.string(), z.unknown())) }),
        'Problems of the draft',
      ),
    },
  }),
  async (c) => {
    const row = await requireFlow(c, c.req.valid('param').id);
    const { ok, problems } = validateFlow(row.draft, await loadFlowEnvironment(c.var.deps.db, c.var.deps, row.id));
    return c.json({ ok, problems }, 200);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/publish',
    tags,
    request: {
      params: idParam,
      body: { content: { 'application/json': { schema: publishRequest } }, required: false },
    },
    responses: { 201: json(versionResponse, 'The new current version') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const note = (c.req.valid('json') as { note?: string } | undefined)?.note ?? '';
    const row = await requireFlow(c, id);
    // Warnings about the installation do not block; they come along if errors do.
    const result = validateFlow(row.draft, await loadFlowEnvironment(db, c.var.deps, id));
    if (!result.flow) throw invalidFlow(result.problems);
    // Only the server can ask the providers; their silence joins the other problems in one answer.
    const problems = [...result.problems, ...(await unreachableProviderProblems(result.flow, c.var.deps))];
    if (problems.some((p) => p.severity === 'error')) throw invalidFlow(problems);
    const graph = result.flow;
    const version = await db.transaction().execute(async (tx) => {
      const v = await publishVersion(tx, id, graph, note, c.var.actor.userId);
      await recordAudit(tx, c.var.actor, 'flow.publish', { type: 'flow', id }, { version: v.version });
      return v;
    });
    const listed = (await listVersions(db, id)).find((v) => v.id === version.id);
    if (!listed) throw notFound('Versão');
    return c.json({ version: versionView(listed, version.version) }, 201);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/versions',
    tags,
    request: { params: idParam },
    responses: { 200: json(versionsResponse, 'Every published version, newest first') },
  }),
  async (c) => {
    const row = await requireFlow(c, c.req.valid('param').id);
    const versions = await listVersions(c.var.deps.db, row.id);
    return c.json({ versions: versions.map((v) => versionView(v, row.published_version)) }, 200);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/versions/{v}/publish',
    tags,
    request: { params: versionParam },
    responses: { 200: json(versionResponse, 'That version is current again (rollback)') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id, v } = c.req.valid('param');
    await requireFlow(c, id);
    const version = await findVersion(db, id, v);
    if (!version) throw notFound(`Versão ${v}`);
    await db.transaction().execute(async (tx) => {
      await setPublishedVersion(tx, id, v);
      await recordAudit(tx, c.var.actor, 'flow.republish', { type: 'flow', id }, { version: v });
    });
    const listed = (await listVersions(db, id)).find((x) => x.version === v);
    if (!listed) throw notFound(`Versão ${v}`);
    return c.json({ version: versionView(listed, v) }, 200);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/export',
    tags,
    request: { params: idParam },
    responses: { 200: json(flowDocument, 'The draft as flow JSON') },
  }),
  async (c) => {
    const row = await requireFlow(c, c.req.valid('param').id);
    const fileName =
      row.name
        .normalize('NFD')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase() || 'fluxo';
    await recordAudit(c.var.deps.db, c.var.actor, 'flow.export', { type: 'flow', id: row.id });
    c.header('Content-Disposition', `attachment; filename="${fileName}.flow.json"`);
    return c.json(draftOf(row), 200);
  },
);

flowRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/simulate',
    tags,
    request: { params: idParam, body: jsonBody(simulateRequest) },
    responses: { 200: json(simulateResponse, 'What the bot answered and where the test session stands') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const row = await requireFlow(c, id);
    const result = await simulate(db, id, draftOf(row), c.req.valid('json'), await simulatorPorts(c.var.deps), {
      name: 'Contato de teste',
      phone: '5584999990000',
    });
    return c.json(result, 200);
  },
);
