import { outputsOf } from '../../shared/flow/graph.ts';
import type { NodeDataByType, NodeType } from '../../shared/flow/nodes/index.ts';
import type { FlowNode } from '../../shared/flow/schema.ts';
import { promptPreview } from './llm/prompt-preview.ts';
import { assignmentsShown } from './set/assignments-shown.ts';
import { outputSideOf } from './output-side.ts';
import { initialSizeOf, nodeWidth } from './sizes.ts';

/*
 * How tall a node's face is, worked out from its data alone, for the far look of a big flow
 * (see far-look.ts): there a node is a plain box, and drawing boxes of about the right height
 * spares laying out hundreds of nodes' texts. The numbers are nodes.css's (13px text at line
 * height 1.45, a 42px header, 28px output rows, 264px wide with 238px for text); wrapping is
 * guessed from character counts, so a box may be a line off. Zoomed in, nodes are drawn in
 * full and measured, and `studio/e2e/big-flow.e2e.test.ts` keeps the guesses close.
 */
/** What a node shows: its type with that type's data. */
export type NodeFace = { [T in NodeType]: { type: T; data: NodeDataByType[T] } }[NodeType];

const border = 2;
const header = 42;
const outputRow = 28;
/** The rows' list: a 1px rule and 4px + 6px of padding. */
const outputList = 11;
const bodyPadding = 10;
const gap = 6;
const textLine = 13 * 1.45;
/** Characters of 13px text that fit in 238px once words wrap, measured on pt-BR texts. */
const charsPerLine = 34;
const smallLine = 17;
const metaLine = 16;
const row = 18;
const media = 54;

/** `{{name}}` is drawn as a chip of `name` in smaller type: about two characters more. */
const chips = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Lines a `pre-wrap` text takes, each paragraph wrapping on its own, up to `clamp`. */
export function textLines(text: string, clamp: number): number {
  let lines = 0;
  for (const paragraph of text.replace(chips, '$1  ').split('\n')) {
    lines += Math.max(1, Math.ceil(paragraph.length / charsPerLine));
    if (lines >= clamp) return clamp;
  }
  return lines;
}

const text = (value: string, clamp = 4) => textLines(value, clamp) * textLine;

/**
 * A row of a label pill (its label's length in characters, pt-BR: other languages are about
 * as long) and "→ variable": one 18px line, or two when they do not fit side by side.
 */
function pillAndVariable(label: number, variable: string): number {
  const width = label * 5.9 + 16 + 6 + 14 + variable.length * 7 + 10;
  return width > 238 ? row * 2 + gap : row;
}

/** Tag pills (11.5px, 8px padding each side, 4px apart) flowing into rows of 238px. */
function tagRows(tags: readonly string[]): number {
  let rows = 1;
  let used = 0;
  for (const tag of tags) {
    const width = tag.length * 6.4 + 16;
    if (used > 0 && used + 4 + width > 238) {
      rows++;
      used = width;
    } else used += (used > 0 ? 4 : 0) + width;
  }
  return rows;
}

/** The body's children, in order (NodeShell puts `gap` between them). */
function bodyParts(node: NodeFace): number[] {
  switch (node.type) {
    case 'start':
      return [node.data.keywords.length > 0 ? tagRows(node.data.keywords) * (row + 4) - 4 : smallLine];
    case 'message': {
      const parts = node.data.media ? [media] : [];
      if (node.data.text) parts.push(text(node.data.text));
      else if (!node.data.media) parts.push(smallLine);
      return parts;
    }
    case 'menu':
      return [text(node.data.text), metaLine];
    case 'question':
      return [text(node.data.text), pillAndVariable(10, node.data.variable)];
    case 'product_picker':
      return [text(node.data.text), pillAndVariable(node.data.mode === 'cart' ? 25 : 16, node.data.variable)];
    case 'condition':
      return node.data.rules.length === 0 ? [smallLine] : [];
    case 'set': {
      const count = node.data.assignments.length;
      const rows = Math.min(count, assignmentsShown) + (count > assignmentsShown ? 1 : 0);
      return rows === 0 ? [] : [row + (rows - 1) * 20.5];
    }
    case 'http':
      return [19];
    // Four label/value rows; the longer system names ("Price (parcelas iguais)") take two lines.
    case 'financing':
      return [node.data.system === 'both' ? 74 : 90];
    case 'llm':
      return [text(promptPreview(node.data.systemPrompt), 3)];
    case 'agent':
      return [text(promptPreview(node.data.instructions), 3)];
    case 'handoff':
      return [row * Math.ceil((node.data.team.length * 6.4 + 70) / 238)];
    case 'wait':
      return [19];
    case 'goto':
      return [19];
    case 'end':
      return node.data.message ? [text(node.data.message)] : [];
    case 'note':
      return [];
    case 'schedule':
      return [text(node.data.dayText), pillAndVariable(14, node.data.variable)];
    case 'payment':
      return [19];
  }
}

/** The whole node: header, body (if it shows anything) and `rows` output rows on the right. */
export function faceHeight(node: NodeFace, rows: number): number {
  const parts = bodyParts(node);
  const padding = node.type === 'start' || node.type === 'end' ? 12 : bodyPadding;
  const body = parts.length === 0 ? 0 : parts.reduce((sum, p) => sum + p, 0) + gap * (parts.length - 1) + padding;
  return Math.round(border + header + body + (rows > 0 ? rows * outputRow + outputList : 0));
}

/** How many output rows a node with these outputs draws on its right (see output-side.ts). */
export const rightRows = (outputs: readonly string[]) => (outputSideOf(outputs) === 'right' ? outputs.length : 0);

/** The size a node's box has far out when the node was never measured. */
export function guessedSize(node: FlowNode): { width: number; height: number } {
  if (node.type === 'note') {
    const size = initialSizeOf('note');
    return { width: node.width ?? size.width, height: node.height ?? size.height };
  }
  return { width: nodeWidth, height: faceHeight(node, rightRows(outputsOf(node))) };
}
