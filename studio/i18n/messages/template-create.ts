/**
 * Texts of issue 18's studio side: creating a template on Modelos, the inspector's "when the
 * 24-hour window is closed" choice, and the simulator's window switch.
 */
export const templateCreateMessages = {
  'tplCreate.open': { 'pt-BR': 'Novo modelo', en: 'New template' },
  'tplCreate.title': { 'pt-BR': 'Novo modelo para a Meta aprovar', en: 'New template for Meta to approve' },
  'tplCreate.channel': { 'pt-BR': 'Número (conta do WhatsApp)', en: 'Number (WhatsApp account)' },
  'tplCreate.name': { 'pt-BR': 'Nome', en: 'Name' },
  'tplCreate.nameHint': {
    'pt-BR': 'Letras minúsculas, números e _, como lembrete_pagamento.',
    en: 'Lowercase letters, digits and _, like payment_reminder.',
  },
  'tplCreate.language': { 'pt-BR': 'Idioma', en: 'Language' },
  'tplCreate.category': { 'pt-BR': 'Categoria', en: 'Category' },
  'tplCreate.header': { 'pt-BR': 'Cabeçalho (opcional)', en: 'Header (optional)' },
  'tplCreate.body': { 'pt-BR': 'Corpo', en: 'Body' },
  'tplCreate.bodyHint': {
    'pt-BR': 'Parâmetros como {{1}}, {{2}} ou {{nome}}; *negrito*, _itálico_. Até 1024 caracteres.',
    en: 'Parameters like {{1}}, {{2}} or {{name}}; *bold*, _italic_. Up to 1024 characters.',
  },
  'tplCreate.footer': { 'pt-BR': 'Rodapé (opcional)', en: 'Footer (optional)' },
  'tplCreate.limit': { 'pt-BR': 'Até {max} caracteres.', en: 'Up to {max} characters.' },
  'tplCreate.example': { 'pt-BR': 'Exemplo para {{{name}}}', en: 'Example for {{{name}}}' },
  'tplCreate.buttons': { 'pt-BR': 'Botões (opcional)', en: 'Buttons (optional)' },
  'tplCreate.button.QUICK_REPLY': { 'pt-BR': 'Resposta rápida', en: 'Quick reply' },
  'tplCreate.button.URL': { 'pt-BR': 'Link', en: 'Link' },
  'tplCreate.button.PHONE_NUMBER': { 'pt-BR': 'Ligar', en: 'Call' },
  'tplCreate.buttonText': { 'pt-BR': 'Texto do botão', en: 'Button text' },
  'tplCreate.buttonUrl': {
    'pt-BR': 'Endereço (um {{1}} no fim, se quiser)',
    en: 'Address (one {{1}} at the end, optional)',
  },
  'tplCreate.buttonPhone': { 'pt-BR': 'Telefone com código do país', en: 'Phone with country code' },
  'tplCreate.removeButton': { 'pt-BR': 'Remover', en: 'Remove' },
  'tplCreate.preview': { 'pt-BR': 'Como aparece no WhatsApp', en: 'How it shows on WhatsApp' },
  'tplCreate.fix': {
    'pt-BR': 'Corrija {count} ponto(s) antes de enviar à Meta.',
    en: 'Fix {count} point(s) before sending to Meta.',
  },
  'tplCreate.submit': { 'pt-BR': 'Enviar para aprovação', en: 'Submit for approval' },
  'tplCreate.submitting': { 'pt-BR': 'Enviando…', en: 'Submitting…' },
  'tplCreate.created': {
    'pt-BR': 'Modelo "{name}" enviado: fica em análise até a Meta responder.',
    en: 'Template "{name}" submitted: in review until Meta answers.',
  },
} as const;
