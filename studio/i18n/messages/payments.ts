import type { MessageTable } from './types.ts';

/** Texts of the Pix payment block, the Pix settings and "Marcar como pago". */
export const paymentMessages = {
  'editor.node.payment': { 'pt-BR': 'Pagamento Pix', en: 'Pix payment' },
  'editor.hint.payment': {
    'pt-BR': 'Pix copia e cola + QR; segue quando pago ou expirado',
    en: 'Pix copy-and-paste + QR; goes on when paid or expired',
  },
  'editor.output.paid': { 'pt-BR': 'Pago', en: 'Paid' },
  'editor.output.expired': { 'pt-BR': 'Expirou', en: 'Expired' },
  'payment.face.amount': { 'pt-BR': 'Cobra {amount}', en: 'Charges {amount}' },
  'payment.field.amount': { 'pt-BR': 'Valor (R$)', en: 'Amount (R$)' },
  'payment.field.amountHint': {
    'pt-BR': 'Um valor ou uma variável (valor, pedido.total). Um pedido da conversa com esse total é o cobrado.',
    en: 'An amount or a variable (valor, pedido.total). An order of the conversation with that total is charged.',
  },
  'payment.field.description': { 'pt-BR': 'Descrição', en: 'Description' },
  'payment.field.message': { 'pt-BR': 'Mensagem antes do código', en: 'Message before the code' },
  'payment.field.paidMessage': { 'pt-BR': 'Confirmação de pagamento', en: 'Payment confirmation' },
  'payment.field.expiry': { 'pt-BR': 'Expira em (minutos)', en: 'Expires in (minutes)' },
  'payment.field.expiryHint': {
    'pt-BR': 'Vazio: o padrão das Configurações › Pix.',
    en: 'Empty: the default in Settings › Pix.',
  },
  'settings.pix.title': { 'pt-BR': 'Pix', en: 'Pix' },
  'settings.pix.intro': {
    'pt-BR': 'A chave e os dados que vão no Pix copia e cola dos blocos de pagamento.',
    en: 'The key and details the payment blocks put in the Pix copy-and-paste code.',
  },
  'settings.pix.key': { 'pt-BR': 'Chave Pix', en: 'Pix key' },
  'settings.pix.keyHint': {
    'pt-BR': 'CPF, CNPJ, e-mail, telefone (+55…) ou chave aleatória',
    en: 'CPF, CNPJ, e-mail, phone (+55…) or random key',
  },
  'settings.pix.merchantName': { 'pt-BR': 'Nome do recebedor (até 25)', en: 'Merchant name (up to 25)' },
  'settings.pix.merchantCity': { 'pt-BR': 'Cidade (até 15)', en: 'City (up to 15)' },
  'settings.pix.expiry': { 'pt-BR': 'Validade padrão (minutos)', en: 'Default expiry (minutes)' },
  'settings.pix.save': { 'pt-BR': 'Salvar Pix', en: 'Save Pix' },
  'settings.pix.remove': { 'pt-BR': 'Desativar Pix', en: 'Turn Pix off' },
  'settings.pix.saved': { 'pt-BR': 'Pix salvo.', en: 'Pix saved.' },
  'orders.markPaid': { 'pt-BR': 'Marcar como pago', en: 'Mark as paid' },
  'orders.paid': { 'pt-BR': 'Pago', en: 'Paid' },
  'orders.paidAt': { 'pt-BR': 'Pago em {when}', en: 'Paid on {when}' },
  'channels.paymentConfiguration': {
    'pt-BR': 'Configuração de pagamento (Payments API)',
    en: 'Payment configuration (Payments API)',
  },
  'channels.paymentConfigurationHint': {
    'pt-BR': 'Nome da configuração no WhatsApp Manager; vazio: envia o Pix copia e cola e o QR.',
    en: 'Configuration name in WhatsApp Manager; empty: sends the Pix code and its QR.',
  },
} satisfies MessageTable;
