import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import type { TemplateDraft } from '../../../shared/message-templates/draft.ts';

/**
 * A draft in the shape the catalogue's preview draws, each `{{parameter}}` with its example
 * when it has one: the contact reads the filled text, not the slots.
 */
export function draftPreview(draft: Omit<TemplateDraft, 'channelId'>): MessageTemplateView {
  const fill = (text: string) =>
    text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => draft.examples[name]?.trim() || whole);
  const components: MessageTemplateView['components'] = [];
  if (draft.header.trim()) components.push({ type: 'HEADER', format: 'TEXT', text: fill(draft.header) });
  components.push({ type: 'BODY', text: fill(draft.body) });
  if (draft.footer.trim()) components.push({ type: 'FOOTER', text: draft.footer });
  if (draft.buttons.length)
    components.push({ type: 'BUTTONS', buttons: draft.buttons.map((b) => ({ type: b.type, text: b.text || '…' })) });
  return {
    id: 'draft',
    channelId: '',
    channelName: '',
    wabaId: '',
    metaId: '',
    name: draft.name,
    language: draft.language,
    category: draft.category,
    status: 'PENDING',
    quality: null,
    parameterFormat: 'POSITIONAL',
    components,
    rejectedReason: null,
    updatedAt: '',
  };
}
