import { describe, expect, it } from 'vitest';
import { whatsappLimits } from '../../whatsapp-limits.ts';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';
import { literalLength } from './literal-length.ts';

const start = node('s', 'start', {});
const end = node('e', 'end', {});
const x = (n: number) => 'x'.repeat(n);

/** A menu with `count` options titled by `title(i)`, every output wired. */
function menuFlow(count: number, title: (i: number) => string, extra: Record<string, string> = {}) {
  const options = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, title: title(i), ...extra }));
  return buildFlow(
    [start, node('m', 'menu', { text: 'Escolha', options }), end],
    ['s > m', 'm.invalid > e', ...options.map((o) => `m.opt-${o.id} > e`)],
  );
}
const at = (i: number, s: string) => `${s}${i}`;

describe('WhatsApp limits', () => {
  it.each([
    ['3 options as buttons, titles of 20', menuFlow(3, (i) => at(i, x(19))), []],
    [
      '3 options as buttons, a title of 21',
      menuFlow(3, (i) => (i === 2 ? x(21) : at(i, 'b'))),
      [{ code: 'button_title_too_long', severity: 'error', nodeId: 'm', field: 'options.2.title' }],
    ],
    ['4 options as a list, titles of 24', menuFlow(4, (i) => at(i, x(23))), []],
    [
      '4 options as a list, a title of 25',
      menuFlow(4, (i) => (i === 0 ? x(25) : at(i, 'r'))),
      [{ code: 'row_title_too_long', severity: 'error', nodeId: 'm', field: 'options.0.title' }],
    ],
    ['list row descriptions of 72', menuFlow(4, (i) => at(i, 'r'), { description: x(72) }), []],
    [
      'list row descriptions of 73',
      menuFlow(4, (i) => at(i, 'r'), { description: x(73) }),
      [0, 1, 2, 3].map((i) => ({
        code: 'row_description_too_long',
        severity: 'error',
        nodeId: 'm',
        field: `options.${i}.description`,
      })),
    ],
    ['descriptions are not sent with buttons', menuFlow(3, (i) => at(i, 'b'), { description: x(73) }), []],
    [
      '12 options as paged lists, a title of 25',
      menuFlow(12, (i) => (i === 11 ? x(25) : at(i, 'r'))),
      [{ code: 'row_title_too_long', severity: 'error', nodeId: 'm', field: 'options.11.title' }],
    ],
    ['placeholders count as nothing', menuFlow(2, (i) => at(i, `{{contact.name}}${x(18)}`)), []],
    [
      'a message text over 4096',
      buildFlow([start, node('m', 'message', { text: x(4097) }), end], ['s > m', 'm > e']),
      [{ code: 'text_too_long', severity: 'error', nodeId: 'm', field: 'text' }],
    ],
    [
      'a caption over 1024',
      buildFlow(
        [start, node('m', 'message', { media: { kind: 'image', url: 'https://x.test/a.png', caption: x(1025) } }), end],
        ['s > m', 'm > e'],
      ),
      [{ code: 'caption_too_long', severity: 'error', nodeId: 'm', field: 'media.caption' }],
    ],
    [
      'a caption on audio',
      buildFlow(
        [start, node('m', 'message', { media: { kind: 'audio', url: 'https://x.test/a.ogg', caption: 'ouça' } }), end],
        ['s > m', 'm > e'],
      ),
      [{ code: 'caption_on_audio', severity: 'warning', nodeId: 'm', field: 'media.caption' }],
    ],
    [
      'a question text over 4096',
      buildFlow(
        [start, node('q', 'question', { text: x(4097), variable: 'v' }), end],
        ['s > q', 'q > e', 'q.invalid > e'],
      ),
      [{ code: 'text_too_long', severity: 'error', nodeId: 'q', field: 'text' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it.each([
    ['text', 'interactive_body_too_long', whatsappLimits.interactiveBody],
    ['header', 'header_too_long', whatsappLimits.header],
    ['footer', 'footer_too_long', whatsappLimits.footer],
  ] as const)('menu %s holds to %s', (field, code, max) => {
    const fits = buildFlow(
      [start, node('m', 'menu', { text: 'Oi', [field]: x(max), options: [{ id: 'a', title: 'A' }] }), end],
      ['s > m', 'm.opt-a > e', 'm.invalid > e'],
    );
    expect(validateFlow(fits).problems).toEqual([]);
    const over = buildFlow(
      [start, node('m', 'menu', { text: 'Oi', [field]: x(max + 1), options: [{ id: 'a', title: 'A' }] }), end],
      ['s > m', 'm.opt-a > e', 'm.invalid > e'],
    );
    expect(summarize(validateFlow(over).problems)).toEqual([{ code, severity: 'error', nodeId: 'm', field }]);
  });

  it('checks the list button label only when the menu is a list', () => {
    const label = { buttonLabel: x(21) };
    const asButtons = validateFlow(menuFlowWith(3, label));
    expect(asButtons.problems).toEqual([]);
    const asList = validateFlow(menuFlowWith(4, label));
    expect(summarize(asList.problems)).toEqual([
      { code: 'list_button_label_too_long', severity: 'error', nodeId: 'm', field: 'buttonLabel' },
    ]);
  });

  it('says why in words a business user reads', () => {
    const [problem] = validateFlow(menuFlow(2, (i) => (i === 0 ? x(25) : 'B'))).problems;
    expect(problem?.message).toBe(
      `O menu "Escolha" tem até 3 opções, então é enviado como botões: o título "${x(25)}" tem 25 caracteres, mas o WhatsApp aceita no máximo 20.`,
    );
  });

  it('counts only the literal text of a template', () => {
    expect(literalLength('Olá, {{contact.name}}!')).toBe(6);
    expect(literalLength('{{ a }}{{b.c}}')).toBe(0);
    expect(literalLength('{{ não é placeholder }}')).toBe(23);
  });
});

function menuFlowWith(count: number, data: Record<string, string>) {
  const options = Array.from({ length: count }, (_, i) => ({ id: `o${i}`, title: `T${i}` }));
  return buildFlow(
    [start, node('m', 'menu', { text: 'Escolha', options, ...data }), end],
    ['s > m', 'm.invalid > e', ...options.map((o) => `m.opt-${o.id} > e`)],
  );
}
