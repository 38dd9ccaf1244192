import type { MessageKey } from '../i18n/index.ts';

/** Label key of a fixed output name (`next`, `timeout`...). */
export function outputLabelKey(handle: string): MessageKey {
  return `editor.output.${handle}` as MessageKey;
}
