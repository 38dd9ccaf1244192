import type { MessageTable } from './types.ts';

/** Files and templates in the agent's reply box (issue 19). */
export const inboxMediaMessages = {
  'inbox.media.attach': { 'pt-BR': 'Anexar foto ou documento', en: 'Attach a photo or document' },
  'inbox.media.remove': { 'pt-BR': 'Remover anexo', en: 'Remove attachment' },
  'inbox.media.captionPlaceholder': { 'pt-BR': 'Legenda (opcional)', en: 'Caption (optional)' },
  'inbox.media.uploading': { 'pt-BR': 'Enviando arquivo…', en: 'Uploading file…' },
  'inbox.media.tooLarge': {
    'pt-BR': 'O arquivo passa de {mb} MB, o limite do WhatsApp para este tipo.',
    en: 'The file is over {mb} MB, WhatsApp’s limit for this type.',
  },
  'inbox.media.unsupported': {
    'pt-BR': 'O WhatsApp aceita imagens JPEG ou PNG e documentos PDF, de texto ou do Office.',
    en: 'WhatsApp takes JPEG or PNG images and PDF, text or Office documents.',
  },
  'inbox.media.photo': { 'pt-BR': 'Foto', en: 'Photo' },
  'inbox.media.open': { 'pt-BR': 'Abrir {name}', en: 'Open {name}' },
  'inbox.media.document': { 'pt-BR': 'Documento', en: 'Document' },
  'inbox.media.pending': { 'pt-BR': 'Arquivo ainda sendo baixado', en: 'File still downloading' },
  'inbox.media.windowClosed': {
    'pt-BR':
      'Já se passaram 24 horas desde a última mensagem do contato: o WhatsApp só aceita um modelo aprovado. Escolha um e preencha as variáveis.',
    en: "More than 24 hours have passed since the contact's last message: WhatsApp only takes an approved template. Pick one and fill in its variables.",
  },
  'inbox.template.pick': { 'pt-BR': 'Modelo', en: 'Template' },
  'inbox.template.choose': { 'pt-BR': 'Escolha um modelo…', en: 'Choose a template…' },
  'inbox.template.none': {
    'pt-BR': 'Nenhum modelo aprovado neste canal. Sincronize os modelos em Modelos.',
    en: 'No approved template on this channel. Sync the templates under Templates.',
  },
  'inbox.template.param': { 'pt-BR': 'Variável {name}', en: 'Variable {name}' },
  'inbox.template.preview': { 'pt-BR': 'Como o contato vai ler', en: 'What the contact will read' },
  'inbox.template.send': { 'pt-BR': 'Enviar modelo', en: 'Send template' },
  'inbox.template.sent': { 'pt-BR': 'Modelo enviado.', en: 'Template sent.' },
} as const satisfies MessageTable;
