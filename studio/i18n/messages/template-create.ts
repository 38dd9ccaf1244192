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
  'windowClosed.label': { 'pt-BR': 'Quando a janela de 24 h estiver fechada', en: 'When the 24-hour window is closed' },
  'windowClosed.end': { 'pt-BR': 'Não enviar nada (a conversa para)', en: 'Send nothing (the conversation stops)' },
  'windowClosed.output': { 'pt-BR': 'Seguir por uma saída', en: 'Follow an output' },
  'windowClosed.template': { 'pt-BR': 'Enviar um modelo aprovado', en: 'Send an approved template' },
  'windowClosed.hint.end': {
    'pt-BR': 'Mais de 24 h sem mensagem do contato: o WhatsApp só aceita modelos, e o bloco não envia.',
    en: 'Over 24 h without a message from the contact: WhatsApp only takes templates, and the block sends nothing.',
  },
  'windowClosed.hint.output': {
    'pt-BR': 'O bloco ganha a saída "Janela de 24 h fechada": ligue-a a um bloco com modelo.',
    en: 'The block gets a "24-hour window closed" output: connect it to a block with a template.',
  },
  'windowClosed.hint.template': {
    'pt-BR': 'Com a janela aberta vai o texto; fechada, este modelo.',
    en: 'With the window open the text goes; closed, this template.',
  },
  'windowClosed.templateAlways': {
    'pt-BR': 'Este bloco envia um modelo aprovado: ele chega mesmo com a janela de 24 h fechada.',
    en: 'This block sends an approved template: it arrives even with the 24-hour window closed.',
  },
  'windowClosed.startsFromCampaign': {
    'pt-BR': 'Pode começar por campanha (logo depois do modelo, com a janela de 24 h fechada)',
    en: 'May start from a campaign (right after its template, with the 24-hour window closed)',
  },
  'sim.windowClosed': {
    'pt-BR': 'Janela de 24 h fechada (como depois de uma campanha): quem fala primeiro é o bot',
    en: '24-hour window closed (as after a campaign): the bot speaks first',
  },
} as const;
