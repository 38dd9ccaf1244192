/**
 * A node with one `next` output draws it under the node; nodes with several outputs draw
 * one row per output with its handle on the right, labelled, so the choice is readable.
 */
export function outputSideOf(outputs: readonly string[]): 'bottom' | 'right' {
  return outputs.length === 1 && outputs[0] === 'next' ? 'bottom' : 'right';
}
