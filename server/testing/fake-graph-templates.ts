/**
 * The fake Graph API's message templates: `GET/POST /{waba-id}/message_templates` with Meta's
 * cursor paging, and the checks Meta runs on a template send (META-TEMPLATES.md §2–3): the
 * template must exist in that language and be APPROVED (132001), and each component must get
 * as many parameters as it has variables (132000, with Meta's `details` wording).
 */
export interface FakeTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  parameter_format?: 'POSITIONAL' | 'NAMED';
  components: Record<string, unknown>[];
  quality_score?: { score: string };
}

export interface TemplateProblem {
  code: number;
  message: string;
  details: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One page of a WABA's templates; cursors are positions, as opaque to callers as Meta's. */
export function templatesPage(all: FakeTemplate[], query: URLSearchParams, selfUrl: string): Json {
  const limit = Math.max(1, Math.min(Number(query.get('limit') ?? 25) || 25, 1000));
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
  const after = query.get('after');
  const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) || 0 : 0;
  const data = all.slice(start, start + limit);
  const end = start + data.length;
  const next = new URL(selfUrl);
  next.searchParams.set('after', cursor(end));
  return {
    data,
    paging: {
      cursors: { before: cursor(start), after: cursor(end) },
      ...(end < all.length && { next: next.toString() }),
    },
  };
}

/** Variables in a component text: `{{1}}` positional or `{{name}}` named, each counted once. */
export function variablesIn(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? ''))];
}

function component(t: FakeTemplate, type: string): Json | undefined {
  return t.components.find((c) => String(c.type).toUpperCase() === type);
}

/** Checks a send's `template` object against the WABA's templates; null when Meta would take it. */
export function checkTemplateSend(template: Json, catalogue: FakeTemplate[]): TemplateProblem | null {
  const language = isObject(template.language) ? template.language.code : undefined;
  const found = catalogue.find((t) => t.name === template.name && t.language === language);
  if (!found || found.status !== 'APPROVED') {
    const details = `template name (${String(template.name)}) does not exist in ${String(language)}`;
    return { code: 132001, message: '(#132001) Template name does not exist in the translation', details };
  }
  const sent = Array.isArray(template.components) ? template.components.filter(isObject) : [];
  const paramsOf = (type: string) =>
    sent.filter((c) => c.type === type).flatMap((c) => (Array.isArray(c.parameters) ? c.parameters : []));
  const expected = {
    header: variablesIn(component(found, 'HEADER')?.text).length,
    body: variablesIn(component(found, 'BODY')?.text).length,
  };
  for (const part of ['header', 'body'] as const) {
    const got = paramsOf(part).length;
    if (got !== expected[part])
      return mismatch(
        `${part}: number of localizable_params (${got}) does not match the expected number of params (${expected[part]})`,
      );
  }
  if (found.parameter_format === 'NAMED') {
    const unnamed = [...paramsOf('header'), ...paramsOf('body')].some((p) => !isObject(p) || !p.parameter_name);
    if (unnamed) return { code: 100, message: '(#100) Invalid parameter', details: 'parameter_name is required' };
  }
  const buttons = component(found, 'BUTTONS');
  const defined = Array.isArray(buttons?.buttons) ? buttons.buttons.filter(isObject) : [];
  for (const c of sent.filter((x) => x.type === 'button')) {
    const at = Number(c.index);
    const button = defined[at];
    if (!button || String(button.type).toLowerCase() !== String(c.sub_type))
      return mismatch(`button at index ${String(c.index)}: no ${String(c.sub_type)} button there`);
  }
  for (const [i, b] of defined.entries()) {
    if (b.type !== 'URL' || variablesIn(b.url).length === 0) continue;
    if (!sent.some((c) => c.type === 'button' && Number(c.index) === i))
      return mismatch(
        `button at index ${i}: number of localizable_params (0) does not match the expected number of params (1)`,
      );
  }
  return null;
}

function mismatch(details: string): TemplateProblem {
  return {
    code: 132000,
    message: '(#132000) Number of parameters does not match the expected number of params',
    details,
  };
}

export interface CreateProblem {
  code: number;
  subcode?: number;
  message: string;
  title: string;
  userMessage: string;
}

/**
 * The checks Meta runs on `POST /{waba-id}/message_templates` before review, with its error
 * shapes (META-TEMPLATES.md §1.3–1.4): null when Meta would take the template as PENDING.
 */
export function checkTemplateCreate(body: Json, catalogue: FakeTemplate[]): CreateProblem | null {
  const invalid = (userMessage: string, subcode?: number): CreateProblem => ({
    code: 100,
    ...(subcode !== undefined && { subcode }),
    message: 'Invalid parameter',
    title: 'Invalid parameter',
    userMessage,
  });
  const { name, language, category, components } = body;
  if (typeof name !== 'string' || !/^[a-z0-9_]+$/.test(name) || typeof language !== 'string')
    return invalid('Template name can only have lowercase letters, numbers and underscores.');
  if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(String(category).toUpperCase()))
    return invalid('Category is not valid.');
  if (catalogue.some((t) => t.name === name && t.language === language))
    return {
      code: 100,
      subcode: 2388024,
      message: 'Invalid parameter',
      title: 'Content in This Language Already Exists',
      userMessage: `There is already ${language} content for this template. You can create a new template and try again.`,
    };
  const parts = Array.isArray(components) ? components.filter(isObject) : [];
  const body_ = parts.find((c) => String(c.type).toUpperCase() === 'BODY');
  if (!body_ || typeof body_.text !== 'string') return invalid('Message template body is required.');
  const vars = variablesIn(body_.text);
  if (vars.length > 0) {
    const example = isObject(body_.example) ? body_.example : {};
    const positional =
      Array.isArray(example.body_text) && Array.isArray(example.body_text[0]) ? example.body_text[0] : [];
    const named = Array.isArray(example.body_text_named_params) ? example.body_text_named_params.filter(isObject) : [];
    const given = body.parameter_format === 'NAMED' ? named.length : positional.length;
    if (given !== vars.length)
      return invalid('Message template variables are missing sample values: add a sample for each variable.', 2388043);
    const text = body_.text.trim();
    if (/^\{\{/.test(text) || /\}\}$/.test(text))
      return invalid('Variables cannot be at the start or end of the template.', 2388299);
  }
  return null;
}
