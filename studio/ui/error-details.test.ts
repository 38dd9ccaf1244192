import { describe, expect, it } from 'vitest';
import { errorDetailLines } from './error-details.ts';

describe('errorDetailLines', () => {
  it('lists validation problems in the chosen language, with the node', () => {
    const details = {
      problems: [
        {
          code: 'menu.no_options',
          severity: 'error',
          nodeId: 'n2',
          message: 'Menu sem opções',
          messages: { 'pt-BR': 'Menu sem opções', en: 'Menu has no options' },
        },
        { code: 'x', severity: 'warning', message: 'Só a mensagem' },
      ],
    };
    expect(errorDetailLines(details, 'en')).toEqual(['n2: Menu has no options', 'Só a mensagem']);
    expect(errorDetailLines(details, 'pt-BR')[0]).toBe('n2: Menu sem opções');
  });

  it('lists schema issues with their path', () => {
    const details = {
      issues: [
        { path: ['nodes', 0, 'type'], message: 'Invalid input' },
        { path: [], message: 'Bad' },
      ],
    };
    expect(errorDetailLines(details, 'pt-BR')).toEqual(['nodes.0.type: Invalid input', 'Bad']);
    expect(errorDetailLines({ issues: [{ path: 'nodes.1.data', message: 'Obrigatório' }] }, 'pt-BR')).toEqual([
      'nodes.1.data: Obrigatório',
    ]);
  });

  it('ignores shapes it does not know', () => {
    expect(errorDetailLines(undefined, 'pt-BR')).toEqual([]);
    expect(errorDetailLines({ problems: [1, { nope: true }] }, 'pt-BR')).toEqual([]);
  });
});
