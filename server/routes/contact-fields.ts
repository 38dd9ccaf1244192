import { createRoute, z } from '@hono/zod-openapi';
import {
  contactFieldDefinition,
  contactFieldsResponse,
  createContactFieldRequest,
  updateContactFieldRequest,
} from '../../shared/api/contacts.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  deleteContactField,
  insertContactField,
  listContactFields,
  publishedVariableNames,
  relabelContactField,
} from '../db/queries/contact-fields.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

/**
 * Which flow variables are contact fields: when a conversation's session is committed with one
 * of these names, its value is copied to the contact's fields (commit-batch.ts, commit-effects.ts).
 * Everyone who sees contacts reads the labels; admins mark and unmark.
 */
export const contactFieldRoutes = createRouter();
contactFieldRoutes.use('*', requireRole('agent'));
const tags = ['contacts'];
const nameParam = z.object({ name: z.string().min(1).max(64) });
const toField = (r: { name: string; label: string }) => ({ name: r.name, label: r.label });

contactFieldRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: {
      200: json(
        contactFieldsResponse,
        'The marked variables with their labels, and the variables published flows write',
      ),
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const [fields, variables] = await Promise.all([listContactFields(db), publishedVariableNames(db)]);
    return c.json({ fields: fields.map(toField), variables }, 200);
  },
);

contactFieldRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    middleware: [requireRole('admin')],
    request: { body: jsonBody(createContactFieldRequest) },
    responses: {
      201: json(
        z.object({ field: contactFieldDefinition }),
        'Marked: later sessions copy the variable to their contact',
      ),
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const field = await c.var.deps.db.transaction().execute(async (tx) => {
      const row = await insertContactField(tx, body);
      if (!row) throw new AppError(409, 'already_marked', `A variável "${body.name}" já é um campo de contato.`);
      await recordAudit(
        tx,
        c.var.actor,
        'contact_field.create',
        { type: 'contact_field', id: row.name },
        { label: row.label },
      );
      return row;
    });
    return c.json({ field: toField(field) }, 201);
  },
);

updateRoute(
  contactFieldRoutes,
  {
    path: '/{name}',
    tags,
    middleware: [requireRole('admin')],
    request: { params: nameParam, body: jsonBody(updateContactFieldRequest) },
    responses: { 200: json(z.object({ field: contactFieldDefinition }), 'Relabelled') },
  },
  async (c) => {
    const { name } = c.req.valid('param');
    const { label } = c.req.valid('json');
    const row = await changeAudited(c, {
      resource: 'Campo',
      action: 'contact_field.update',
      target: { type: 'contact_field', id: name },
      details: { label },
      change: (tx) => relabelContactField(tx, name, label),
    });
    return c.json({ field: toField(row) }, 200);
  },
);

contactFieldRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{name}',
    tags,
    middleware: [requireRole('admin')],
    request: { params: nameParam },
    responses: { 204: { description: 'Unmarked; values already copied stay with the contacts' } },
  }),
  async (c) => {
    const { name } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Campo',
      action: 'contact_field.delete',
      target: { type: 'contact_field', id: name },
      change: (tx) => deleteContactField(tx, name),
    });
    return c.body(null, 204);
  },
);
