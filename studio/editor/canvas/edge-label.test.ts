import { describe, expect, it } from 'vitest';
import { fixedOutputLabels } from '../../../shared/flow/names.ts';
import { locales, translate, type MessageKey } from '../../i18n/index.ts';
import { outputLabelKey } from '../../nodes/outputs.ts';
import { toEditorFlow } from '../document.ts';
import { edgeLabel } from './edge-label.ts';
import { sampleFlow } from '../testing/sample-flow.ts';

const flow = () => toEditorFlow(sampleFlow());

describe('edgeLabel', () => {
  it('names an edge by its blocks and, when the block has several, the output as the canvas labels it', () => {
    expect(edgeLabel(flow(), 'e1', 'pt-BR')).toBe('Ligação de Início para Menu de opções · Olá {{nome}}, escolha:');
    expect(edgeLabel(flow(), 'e2', 'pt-BR')).toBe(
      'Ligação de Menu de opções · Olá {{nome}}, escolha:, saída "Comprar", para Mensagem · Vamos às compras, {{nome}}!',
    );
    expect(edgeLabel(flow(), 'e4', 'en')).toBe(
      'Edge from Condition · Ana, output "Rule 1", to Message · Fale com a gente',
    );
  });

  it('never falls back to ids, and gives up on an edge that is gone', () => {
    for (const locale of locales) {
      for (const e of flow().edges)
        expect(edgeLabel(flow(), e.id, locale)).not.toMatch(/\b(start|menu|buy|help|cond|opt-a|rule-r1)\b/);
    }
    expect(edgeLabel(flow(), 'nope', 'pt-BR')).toBeNull();
  });
});

describe('output labels shared with the problem texts', () => {
  it('are the words the canvas shows, in both languages', () => {
    for (const locale of locales) {
      for (const [handle, label] of Object.entries(fixedOutputLabels[locale])) {
        expect(translate(locale, outputLabelKey(handle) as MessageKey), `${locale} ${handle}`).toBe(label);
      }
    }
  });
});
