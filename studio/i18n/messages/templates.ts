/** Texts of Meta's message templates: the /templates page and templates in message blocks. */
export const templatesMessages = {
  'editor.output.window_closed': { 'pt-BR': 'Janela de 24 h fechada', en: '24-hour window closed' },
  'editor.face.template': { 'pt-BR': 'Modelo: {name}', en: 'Template: {name}' },
} as const;
