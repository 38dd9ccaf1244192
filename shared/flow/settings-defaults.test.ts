import { describe, expect, it } from 'vitest';
import { flowDocument, flowSettings } from './schema.ts';

describe('flow settings defaults', () => {
  it('a flow without settings gets the same fallback message as settings without one', () => {
    const fromDocument = flowDocument.parse({ name: 'x', nodes: [] }).settings;
    const fromSettings = flowSettings.parse({});
    expect(fromDocument).toEqual(fromSettings);
    expect(fromSettings.fallbackMessage).toBe('Desculpe, não consigo ler esse tipo de mensagem. Pode escrever?');
  });
});
