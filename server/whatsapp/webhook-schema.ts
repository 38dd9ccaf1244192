import { z } from 'zod';

/**
 * Building blocks for reading Meta's webhook JSON. Meta documents ids and timestamps as
 * strings, but type drift (numbers) has been seen: accept both and normalise to strings.
 * Phone numbers have at most 15 digits, so a JSON number still holds them exactly.
 */
export const stringish = z.union([z.string(), z.number().int().nonnegative()]).transform(String);

export const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** Unix seconds (string or number) → Date. */
export const unixSeconds = stringish.pipe(z.string().regex(/^\d{1,12}$/)).transform((s) => new Date(Number(s) * 1000));

/** An error as Meta reports it inside webhooks (`value.errors`, `messages[].errors`, `statuses[].errors`). */
export interface GraphErrorInfo {
  code: number | null;
  title?: string;
  message: string;
  details?: string;
  href?: string;
}

const errorShape = z.object({
  code: numberish.optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  error_data: z.object({ details: z.string().optional() }).optional().catch(undefined),
  href: z.string().optional().catch(undefined),
});

/** Never fails: an unreadable error still counts as an error, with what could be read. */
export function readErrors(value: unknown): GraphErrorInfo[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const parsed = errorShape.safeParse(item);
    const e = parsed.success ? parsed.data : {};
    const info: GraphErrorInfo = { code: e.code ?? null, message: e.message ?? e.title ?? 'unknown error' };
    if (e.title !== undefined) info.title = e.title;
    if (e.error_data?.details !== undefined) info.details = e.error_data.details;
    if (e.href !== undefined) info.href = e.href;
    return info;
  });
}

/** First issue of a failed parse, short enough for a log line. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
