import type { FlowDocumentInput } from '../../shared/flow/schema.ts';

/**
 * start → one message → end: the smallest flow that says something, for tests of the flow API
 * (drafts, versions, publishing). A new object each call, so a test may change its copy.
 */
export const greetingFlow = (
  text = 'Olá, {{contact.name}}!',
  o: { name?: string; keywords?: string[] } = {},
): FlowDocumentInput => ({
  name: o.name ?? 'Boas-vindas',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: o.keywords ? { keywords: o.keywords } : {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 200 }, data: { text } },
    { id: 'bye', type: 'end', position: { x: 0, y: 400 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'bye' },
  ],
});
