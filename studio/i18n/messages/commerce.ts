import type { MessageTable } from './types.ts';

/** Texts of the product picker's catalog fields (catalog, categories by name, its own messages). */
export const commerceMessages = {
  'commerce.picker.catalog': { 'pt-BR': 'Catálogo', en: 'Catalog' },
  'commerce.picker.catalogDefault': {
    'pt-BR': 'O do canal (ou o principal)',
    en: "The channel's (or the main one)",
  },
  'commerce.picker.categories': { 'pt-BR': 'Categorias oferecidas', en: 'Categories offered' },
  'commerce.picker.categoriesHint': {
    'pt-BR': 'Nenhuma marcada: todas as categorias do catálogo.',
    en: 'None ticked: every category of the catalog.',
  },
  'commerce.picker.categoriesLoading': { 'pt-BR': 'Carregando categorias…', en: 'Loading categories…' },
  'commerce.picker.categoryGone': { 'pt-BR': '(categoria excluída)', en: '(deleted category)' },
  'commerce.picker.texts': { 'pt-BR': 'Textos do bloco', en: "The block's texts" },
  'commerce.picker.text.chooseProduct': { 'pt-BR': 'Ao listar produtos', en: 'When listing products' },
  'commerce.picker.text.chooseVariant': { 'pt-BR': 'Ao listar variantes', en: 'When listing variants' },
  'commerce.picker.text.nothingAvailable': { 'pt-BR': 'Catálogo vazio', en: 'Empty catalog' },
  'commerce.picker.text.categoryEmpty': { 'pt-BR': 'Categoria sem produtos', en: 'Category without products' },
  'commerce.picker.text.notUnderstood': { 'pt-BR': 'Resposta não entendida', en: 'Answer not understood' },
  'commerce.picker.text.addMore': { 'pt-BR': 'Pergunta "adicionar mais"', en: '"Add more" question' },
  'commerce.preview.title': { 'pt-BR': 'Como aparece no WhatsApp', en: 'How it shows on WhatsApp' },
  'commerce.preview.button': { 'pt-BR': 'Botão', en: 'Button' },
  'commerce.preview.row': { 'pt-BR': 'Linha de lista', en: 'List row' },
  'commerce.preview.description': { 'pt-BR': 'Descrição da linha', en: 'Row description' },
  'commerce.preview.cut': { 'pt-BR': 'será cortado', en: 'will be cut' },
} satisfies MessageTable;
