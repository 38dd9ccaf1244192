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
