import type { Locale } from '../i18n/index.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemLine(problem: Record<string, unknown>, locale: Locale): string | null {
  const messages = problem.messages;
  const localized = isRecord(messages) && typeof messages[locale] === 'string' ? messages[locale] : null;
  const text = localized ?? (typeof problem.message === 'string' ? problem.message : null);
  if (!text) return null;
  return typeof problem.nodeId === 'string' ? `${problem.nodeId}: ${text}` : text;
}

function issueLine(issue: Record<string, unknown>): string | null {
  if (typeof issue.message !== 'string') return null;
  const path = Array.isArray(issue.path)
    ? issue.path.map(String).join('.')
    : typeof issue.path === 'string'
      ? issue.path
      : '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * A request can fail on the schema (zod `issues`, with a path into the JSON) or on
 * validation (`problems`, with a node id); either way the user gets one line per fault.
 */
export function errorDetailLines(details: unknown, locale: Locale): string[] {
  if (!isRecord(details)) return [];
  const lines: string[] = [];
  for (const problem of Array.isArray(details.problems) ? details.problems : []) {
    const line = isRecord(problem) ? problemLine(problem, locale) : null;
    if (line) lines.push(line);
  }
  for (const issue of Array.isArray(details.issues) ? details.issues : []) {
    const line = isRecord(issue) ? issueLine(issue) : null;
    if (line) lines.push(line);
  }
  return lines;
}
