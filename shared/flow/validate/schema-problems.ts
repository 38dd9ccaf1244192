import type { z } from 'zod';
import { variableName } from '../common.ts';
import { blockWords } from '../names.ts';
import { createProblem, type Problem, type ProblemCode, type ProblemParams, type ProblemPlace } from '../problems.ts';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The pattern zod reports for a bad variable name, read from the schema so it cannot drift. */
const variablePattern = (() => {
  const issue = variableName.safeParse('0').error?.issues[0];
  return issue?.code === 'invalid_format' && 'pattern' in issue ? issue.pattern : undefined;
})();

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function stringProp(value: unknown, key: string): string | undefined {
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * Where an issue is: `nodes[i]…` belongs to that node (by its id, when it has one) with the
 * field path inside `data`; `edges[i]…` to that edge; anything else to the document.
 */
function placeOf(input: unknown, path: Path): { place: ProblemPlace; params: ProblemParams } {
  const [list, i] = path;
  const field = (from: number) => path.slice(from).map(String).join('.');
  if (list === 'nodes' && typeof i === 'number') {
    const raw = valueAt(input, ['nodes', i]);
    const id = stringProp(raw, 'id');
    const type = stringProp(raw, 'type');
    const inData = path[2] === 'data';
    const place: ProblemPlace = { field: field(inData ? 3 : 2) };
    if (id) place.nodeId = id;
    const params: ProblemParams = { node: id ?? `#${i + 1}`, field: place.field ?? '' };
    if (type) params.nodeType = type;
    const name = blockWords(valueAt(input, ['nodes', i, 'data']));
    if (name) params.nodeName = name;
    return { place, params };
  }
  if (list === 'edges' && typeof i === 'number') {
    const id = stringProp(valueAt(input, ['edges', i]), 'id');
    const place: ProblemPlace = { field: field(2) };
    if (id) place.edgeId = id;
    return { place, params: { edge: id ?? `#${i + 1}`, field: place.field ?? '' } };
  }
  return { place: { field: field(0) }, params: { field: field(0) } };
}

function codeOf(issue: Issue, value: unknown, params: ProblemParams): ProblemCode {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined || value === null ? 'field_required' : 'invalid_value';
    case 'too_small':
      params.min = Number(issue.minimum);
      if (issue.origin === 'string') return 'field_required';
      if (issue.origin === 'array' || issue.origin === 'set') return 'field_too_few';
      if (!issue.inclusive) params.exclusive = 1;
      return 'number_too_small';
    case 'too_big':
      params.max = Number(issue.maximum);
      if (issue.origin === 'string') return 'field_too_long';
      if (issue.origin === 'array' || issue.origin === 'set') return 'field_too_many';
      if (!issue.inclusive) params.exclusive = 1;
      return 'number_too_big';
    case 'invalid_format':
      if ('pattern' in issue && issue.pattern === variablePattern) {
        params.value = String(value);
        return 'invalid_variable_name';
      }
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_choice';
    default:
      return 'invalid_value';
  }
}

/** One problem per zod issue, in words a business user reads. */
export function schemaProblem(issue: Issue, input: unknown): Problem {
  const { place, params } = placeOf(input, issue.path);
  const path = issue.path;
  const isNodeType = path.length === 3 && path[0] === 'nodes' && path[2] === 'type';
  if (isNodeType && issue.code === 'invalid_union') {
    const type = valueAt(input, path);
    // The type itself is wrong, so there is no field inside data to point at.
    return createProblem(
      'unknown_node_type',
      { ...place, field: 'type' },
      { node: params.node ?? '', type: String(type ?? '') },
    );
  }
  return createProblem(codeOf(issue, valueAt(input, path), params), place, params);
}
