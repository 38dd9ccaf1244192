import { describe, expect, it } from 'vitest';
import { campaignAudienceColumn, campaignTemplateColumn, flowStartPayload, inboundContentOf } from './stored-json.ts';

describe('JSON read back from the database', () => {
  it('gives the engine the inbound content stored by the webhook', () => {
    const reply = { kind: 'reply', id: 'b1', title: 'Sim' } as const;
    expect(inboundContentOf({ content: reply, context: null, referral: null, raw: {} })).toEqual(reply);
    expect(inboundContentOf({ content: { kind: 'media', media: 'image', mediaId: 'm1' } })).toEqual({
      kind: 'media',
      media: 'image',
      mediaId: 'm1',
    });
  });

  it.each([
    ['no content', {}],
    ['a null payload', null],
    ['text without its text', { content: { kind: 'text' } }],
    ['a number as text', { content: { kind: 'text', text: 5 } }],
    ['a kind the engine does not know', { content: { kind: 'poll', question: '?' } }],
  ])('reads %s as unsupported content instead of handing the engine a wrong shape', (_, payload) => {
    expect(inboundContentOf(payload)).toEqual({ kind: 'unsupported', type: 'unknown' });
  });

  it('reads a flow_start job as run-campaigns writes it, and refuses one without a flow', () => {
    const written = JSON.parse(
      JSON.stringify({ flowId: 'f1', variables: { valor: 'R$ 10', vip: true, n: 2, nada: null } }),
    );
    expect(flowStartPayload.parse(written)).toEqual(written);
    expect(flowStartPayload.parse({ flowId: 'f1' })).toEqual({ flowId: 'f1', variables: {} });
    expect(flowStartPayload.safeParse({ variables: {} }).success).toBe(false);
    expect(flowStartPayload.safeParse({ flowId: 'f1', variables: { nested: { a: 1 } } }).success).toBe(false);
  });

  it('reads a campaign template and audience, and names the line of a damaged audience', () => {
    expect(
      campaignTemplateColumn.parse({ name: 'cobranca', language: 'pt_BR', parameters: ['{{valor}}'] }).parameters,
    ).toEqual(['{{valor}}']);
    expect(campaignAudienceColumn.parse([{ phone: '5584991230001', name: 'Ana', variables: {} }])).toHaveLength(1);
    const damaged = campaignAudienceColumn.safeParse([
      { phone: '5584991230001', name: 'Ana', variables: {} },
      { name: 'Bia' },
    ]);
    expect(damaged.success).toBe(false);
    expect(damaged.error?.issues[0]?.path).toEqual([1, 'phone']);
  });
});
