import { describe, expect, it } from 'vitest';
import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import { messageData } from '../../../shared/flow/nodes/message.ts';
import { messageOutputs } from '../../../shared/flow/nodes/outputs.ts';
import { templateRefOf } from './template-ref.ts';

const view = (over: Partial<MessageTemplateView>): MessageTemplateView => ({
  id: 'x',
  channelId: 'c',
  channelName: 'Canal',
  wabaId: 'w',
  metaId: '1',
  name: 'cobranca',
  language: 'pt_BR',
  category: 'UTILITY',
  status: 'APPROVED',
  quality: 'GREEN',
  parameterFormat: 'NAMED',
  rejectedReason: null,
  updatedAt: '2026-12-06T00:00:00.000Z',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Fatura {{mes}}' },
    { type: 'BODY', text: 'Oi {{nome}}, {{valor}} e {{nome}}' },
    { type: 'FOOTER', text: 'Fluxo' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Pagar' },
        { type: 'URL', text: 'Ver', url: 'https://x/{{1}}' },
      ],
    },
  ],
  ...over,
});

describe('templateRefOf', () => {
  it('gives a named template one parameter per slot, filled from the variable of that name', () => {
    const ref = templateRefOf(view({}), null);
    expect(ref.header).toEqual([{ name: 'mes', value: '{{mes}}' }]);
    expect(ref.body).toEqual([
      { name: 'nome', value: '{{nome}}' },
      { name: 'valor', value: '{{valor}}' },
    ]);
    expect(ref.buttons.map((b) => [b.id, b.kind, b.title])).toEqual([
      ['b0', 'quick_reply', 'Pagar'],
      ['b1', 'url', 'Ver'],
    ]);
    expect(ref.preview).toEqual({
      header: 'Fatura {{mes}}',
      body: 'Oi {{nome}}, {{valor}} e {{nome}}',
      footer: 'Fluxo',
    });
    // What the block stores is valid flow data, and its quick replies are outputs.
    const data = messageData.parse({ template: ref });
    expect(messageOutputs(data)).toEqual(['opt-b0', 'invalid', 'timeout']);
  });

  it('leaves positional parameters empty to fill, and keeps values typed before for slots of the same name', () => {
    const positional = templateRefOf(
      view({ parameterFormat: 'POSITIONAL', components: [{ type: 'BODY', text: '{{1}} e {{2}}' }] }),
      null,
    );
    expect(positional.body).toEqual([{ value: '' }, { value: '' }]);
    const before = { ...templateRefOf(view({}), null), body: [{ name: 'nome', value: 'Ana' }] };
    expect(templateRefOf(view({}), before).body[0]).toEqual({ name: 'nome', value: 'Ana' });
  });
});
