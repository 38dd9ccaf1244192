import type { MessageTable } from './types.ts';

/** Texts of the shell on small screens (the menu) and of published versions (view, compare, restore). */
export const phoneMessages = {
  'shell.menu': { 'pt-BR': 'Menu', en: 'Menu' },
  'shell.menuClose': { 'pt-BR': 'Fechar menu', en: 'Close menu' },
  'shell.more': { 'pt-BR': 'Mais', en: 'More' },
  'inbox.backToList': { 'pt-BR': 'Conversas na fila', en: 'Back to the queue' },
  'editor.phoneNote': {
    'pt-BR': 'Para editar, use uma tela maior. Aqui o fluxo é só para ver e testar no simulador.',
    en: 'To edit, use a larger screen. Here the flow is for viewing and testing in the simulator only.',
  },
  'live.none': { 'pt-BR': 'Nunca publicado', en: 'Never published' },
  'live.version': { 'pt-BR': 'No ar: v{version}', en: 'Live: v{version}' },
  'live.same': { 'pt-BR': 'rascunho igual', en: 'draft unchanged' },
  'live.differs': { 'pt-BR': 'rascunho alterado ({count})', en: 'draft changed ({count})' },
  'live.differsTitle': {
    'pt-BR': 'O rascunho difere da versão no ar em {count} bloco(s). Publique para que as conversas usem as mudanças.',
    en: 'The draft differs from the live version in {count} block(s). Publish so conversations use the changes.',
  },
  'versions.view': { 'pt-BR': 'Ver', en: 'View' },
  'versions.viewOf': { 'pt-BR': 'Ver versão {version}', en: 'View version {version}' },
  'versions.page.title': { 'pt-BR': 'Versão {version} de {name}', en: 'Version {version} of {name}' },
  'versions.page.back': { 'pt-BR': 'Voltar ao rascunho', en: 'Back to the draft' },
  'versions.page.readOnly': {
    'pt-BR': 'Somente leitura: esta é uma versão publicada. Para mudá-la, restaure no rascunho.',
    en: 'Read only: this is a published version. To change it, restore it into the draft.',
  },
  'versions.page.loading': { 'pt-BR': 'Abrindo a versão…', en: 'Opening the version…' },
  'versions.diff.title': { 'pt-BR': 'Rascunho comparado a esta versão', en: 'Draft compared with this version' },
  'versions.diff.none': {
    'pt-BR': 'O rascunho tem os mesmos blocos e ligações desta versão.',
    en: 'The draft has the same blocks and connections as this version.',
  },
  'versions.diff.added': { 'pt-BR': 'Só no rascunho ({count})', en: 'Only in the draft ({count})' },
  'versions.diff.removed': { 'pt-BR': 'Removidos do rascunho ({count})', en: 'Removed from the draft ({count})' },
  'versions.diff.changed': { 'pt-BR': 'Alterados no rascunho ({count})', en: 'Changed in the draft ({count})' },
  'versions.diff.settings': {
    'pt-BR': 'Nome, variáveis ou configurações do fluxo também mudaram.',
    en: "The flow's name, variables or settings changed too.",
  },
  'versions.diff.mark.removed': { 'pt-BR': 'removido do rascunho', en: 'removed from the draft' },
  'versions.diff.mark.changed': { 'pt-BR': 'alterado no rascunho', en: 'changed in the draft' },
  'versions.restore': { 'pt-BR': 'Restaurar no rascunho', en: 'Restore into the draft' },
  'versions.restoreTitle': {
    'pt-BR': 'Restaurar a versão {version} no rascunho?',
    en: 'Restore version {version} into the draft?',
  },
  'versions.restoreBody': {
    'pt-BR':
      'O rascunho passa a ser uma cópia da versão {version}; o que só está no rascunho se perde. A versão no ar não muda até você publicar.',
    en: 'The draft becomes a copy of version {version}; what is only in the draft is lost. The live version does not change until you publish.',
  },
  'versions.restored': {
    'pt-BR': 'Versão {version} copiada para o rascunho',
    en: 'Version {version} copied into the draft',
  },
} as const satisfies MessageTable;
