import type { Problem } from '../problems.ts';

/** The parts of a problem a test asserts on: what, where, and how bad. */
export function summarize(problems: Problem[]) {
  return problems.map((p) => {
    const s: { code: string; severity: string; nodeId?: string; edgeId?: string; field?: string } = {
      code: p.code,
      severity: p.severity,
    };
    if (p.nodeId !== undefined) s.nodeId = p.nodeId;
    if (p.edgeId !== undefined) s.edgeId = p.edgeId;
    if (p.field !== undefined) s.field = p.field;
    return s;
  });
}
