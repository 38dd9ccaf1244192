import type { MessageTable } from './types.ts';

/**
 * The Catálogo page's catalogs, photos, variants, attributes and CSV; the channel's catalog; the
 * agenda reminder's template (issue 22).
 */
export const catalogsMessages = {
  'catalogs.label': { 'pt-BR': 'Catálogo', en: 'Catalog' },
  'catalogs.new': { 'pt-BR': 'Novo catálogo', en: 'New catalog' },
  'catalogs.rename': { 'pt-BR': 'Renomear catálogo', en: 'Rename catalog' },
  'catalogs.delete': { 'pt-BR': 'Excluir catálogo', en: 'Delete catalog' },
  'catalogs.deleteTitle': { 'pt-BR': 'Excluir catálogo?', en: 'Delete catalog?' },
  'catalogs.deleteBody': {
    'pt-BR': 'O catálogo "{name}" será excluído. Canais que o usam passam a oferecer o catálogo principal.',
    en: 'The catalog "{name}" will be deleted. Channels using it will offer the main catalog.',
  },
  'catalogs.name': { 'pt-BR': 'Nome do catálogo', en: 'Catalog name' },
  'catalogs.count': { 'pt-BR': '{name} ({products} produtos)', en: '{name} ({products} products)' },
  'catalogs.default': { 'pt-BR': 'Principal', en: 'Main' },
  'catalogs.channelHelp': {
    'pt-BR': 'Os blocos de produtos e o agente usam este catálogo quando o bloco não escolhe outro.',
    en: 'Product blocks and the agent use this catalog when the block does not pick another.',
  },
  'catalogs.promoPrice': { 'pt-BR': 'Valor promocional', en: 'Sale price' },
  'catalogs.photos': { 'pt-BR': 'Fotos', en: 'Photos' },
  'catalogs.photosHelp': {
    'pt-BR': 'Arraste fotos aqui ou escolha arquivos (JPEG, PNG, WebP até 5 MB). A primeira é a enviada pelo bot.',
    en: 'Drop photos here or pick files (JPEG, PNG, WebP up to 5 MB). The first one is what the bot sends.',
  },
  'catalogs.addPhotos': { 'pt-BR': 'Escolher fotos', en: 'Choose photos' },
  'catalogs.photoOf': { 'pt-BR': 'Foto {n}', en: 'Photo {n}' },
  'catalogs.photoLeft': { 'pt-BR': 'Mover foto {n} para a esquerda', en: 'Move photo {n} left' },
  'catalogs.photoRight': { 'pt-BR': 'Mover foto {n} para a direita', en: 'Move photo {n} right' },
  'catalogs.photoRemove': { 'pt-BR': 'Remover foto {n}', en: 'Remove photo {n}' },
  'catalogs.photoPending': { 'pt-BR': 'enviada ao salvar', en: 'uploaded on save' },
  'catalogs.uploading': { 'pt-BR': 'Enviando…', en: 'Uploading…' },
  'catalogs.variants': { 'pt-BR': 'Variantes (tamanho, sabor)', en: 'Variants (size, flavour)' },
  'catalogs.variantName': { 'pt-BR': 'Nome da variante', en: 'Variant name' },
  'catalogs.variantPrice': { 'pt-BR': 'Preço da variante', en: 'Variant price' },
  'catalogs.variantStock': { 'pt-BR': 'Estoque da variante', en: 'Variant stock' },
  'catalogs.variantSku': { 'pt-BR': 'SKU da variante', en: 'Variant SKU' },
  'catalogs.addVariant': { 'pt-BR': 'Adicionar variante', en: 'Add variant' },
  'catalogs.removeVariant': { 'pt-BR': 'Remover variante {n}', en: 'Remove variant {n}' },
  'catalogs.attributes': { 'pt-BR': 'Atributos (quartos, bairro…)', en: 'Attributes (bedrooms, area…)' },
  'catalogs.attributeKey': { 'pt-BR': 'Atributo', en: 'Attribute' },
  'catalogs.attributeValue': { 'pt-BR': 'Valor', en: 'Value' },
  'catalogs.addAttribute': { 'pt-BR': 'Adicionar atributo', en: 'Add attribute' },
  'catalogs.removeAttribute': { 'pt-BR': 'Remover atributo {n}', en: 'Remove attribute {n}' },
  'catalogs.variantInvalid': {
    'pt-BR': 'Cada variante precisa de nome e de um preço válido (ex.: 12,50).',
    en: 'Each variant needs a name and a valid price (e.g. 12.50).',
  },
  'catalogs.exportCsv': { 'pt-BR': 'Exportar CSV', en: 'Export CSV' },
  'catalogs.importCsv': { 'pt-BR': 'Importar CSV', en: 'Import CSV' },
  'catalogs.importDone': {
    'pt-BR': '{created} criados, {updated} atualizados, {rejected} linhas recusadas.',
    en: '{created} created, {updated} updated, {rejected} lines rejected.',
  },
  'catalogs.importLine': { 'pt-BR': 'Linha', en: 'Line' },
  'catalogs.importReason': { 'pt-BR': 'Motivo', en: 'Reason' },
  'agenda.reminder.template': {
    'pt-BR': 'Modelo do lembrete fora da janela de 24 h',
    en: 'Reminder template outside the 24-hour window',
  },
  'agenda.reminder.templateHint': {
    'pt-BR':
      'Dentro da janela o lembrete vai como texto; fora dela, como este modelo aprovado pela Meta. Vazio: só registra. Parâmetros (um por linha) podem usar {{nome}}, {{agenda}}, {{data}} e {{hora}}.',
    en: 'Inside the window the reminder goes as text; outside it, as this Meta-approved template. Empty: only recorded. Parameters (one per line) may use {{nome}}, {{agenda}}, {{data}} and {{hora}}.',
  },
  'agenda.reminder.language': { 'pt-BR': 'Idioma do modelo', en: 'Template language' },
  'agenda.reminder.parameters': { 'pt-BR': 'Parâmetros do corpo', en: 'Body parameters' },
} satisfies MessageTable;
