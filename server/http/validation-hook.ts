import type { Context } from 'hono';
import type { z } from 'zod';
import { errorBody } from './errors.ts';

type HookResult = { success: true } | { success: false; error: z.ZodError };

/** Turns zod's issues into one readable sentence plus the per-field list. */
export function describeIssues(error: z.ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((i) => ({ path: i.path.join('.') || '(corpo)', message: i.message }));
  const shown = issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (+${issues.length - 5})` : '';
  return { message: `Dados inválidos — ${shown}${more}`, issues };
}

/** `defaultHook` for every OpenAPIHono router: invalid input → 400 `{error:{code,message,details}}`. */
export function validationHook(result: HookResult, c: Context) {
  if (result.success) return undefined;
  const { message, issues } = describeIssues(result.error);
  return c.json(errorBody('invalid_request', message, { issues }), 400);
}
