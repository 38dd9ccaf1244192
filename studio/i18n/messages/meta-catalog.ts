import type { MessageTable } from './types.ts';

/** The Catálogo page's link to a Meta commerce catalog, and the picker's product-message option. */
export const metaCatalogMessages = {
  'metaCatalog.title': { 'pt-BR': 'Catálogo da Meta', en: 'Meta catalog' },
  'metaCatalog.id': { 'pt-BR': 'ID do catálogo na Meta', en: 'Meta catalog ID' },
  'metaCatalog.brand': { 'pt-BR': 'Marca', en: 'Brand' },
  'metaCatalog.save': { 'pt-BR': 'Vincular', en: 'Link' },
  'metaCatalog.unlink': { 'pt-BR': 'Desvincular', en: 'Unlink' },
  'metaCatalog.sync': { 'pt-BR': 'Sincronizar com a Meta', en: 'Sync with Meta' },
  'metaCatalog.autoSync': { 'pt-BR': 'Sincronizar automaticamente', en: 'Sync automatically' },
  'metaCatalog.autoSyncHint': {
    'pt-BR':
      'Um minuto depois de mudanças em produtos, variações, estoque ou fotos; se falhar, tenta de novo mais tarde.',
    en: 'A minute after changes to products, variants, stock or photos; if it fails, it tries again later.',
  },
  'metaCatalog.never': { 'pt-BR': 'Ainda não sincronizado.', en: 'Not synced yet.' },
  'metaCatalog.result': {
    'pt-BR':
      '{at}: {items} itens — {created} criados, {updated} atualizados, {deleted} excluídos, {unchanged} sem mudança.',
    en: '{at}: {items} items — {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged.',
  },
  'metaCatalog.failed': { 'pt-BR': 'A sincronização falhou: {error}', en: 'The sync failed: {error}' },
  'metaCatalog.hint': {
    'pt-BR': 'O catálogo precisa estar conectado à conta do WhatsApp Business (Gerenciador de Comércio).',
    en: 'The catalog must be connected to the WhatsApp Business Account (Commerce Manager).',
  },
  'metaCatalog.pickerOption': {
    'pt-BR': 'Enviar como mensagem de produto do WhatsApp',
    en: 'Send as a WhatsApp product message',
  },
} satisfies MessageTable;
