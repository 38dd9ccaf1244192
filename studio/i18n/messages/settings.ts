import type { MessageTable } from './types.ts';

/** Texts of Configurações (settings): AI providers, time zone, business hours, retention, language. */
export const settingsMessages = {
  'settings.title': { 'pt-BR': 'Configurações', en: 'Settings' },
  'settings.subtitle': {
    'pt-BR': 'Provedores de IA, fuso horário, horário de atendimento e por quanto tempo guardar as conversas.',
    en: 'AI providers, time zone, business hours and how long conversations are kept.',
  },
  'settings.saved': { 'pt-BR': 'Configurações salvas', en: 'Settings saved' },

  'settings.ai.title': { 'pt-BR': 'Provedores de IA', en: 'AI providers' },
  'settings.ai.help': {
    'pt-BR':
      'Qualquer API compatível com a da OpenAI (OpenAI, OpenRouter, Groq, Ollama…). Os blocos de IA usam o provedor padrão.',
    en: 'Any OpenAI-compatible API (OpenAI, OpenRouter, Groq, Ollama…). AI blocks use the default provider.',
  },
  'settings.ai.new': { 'pt-BR': 'Adicionar provedor', en: 'Add provider' },
  'settings.ai.edit': { 'pt-BR': 'Editar {name}', en: 'Edit {name}' },
  'settings.ai.empty': { 'pt-BR': 'Nenhum provedor cadastrado.', en: 'No provider yet.' },
  'settings.ai.fromEnv': {
    'pt-BR': 'Sem provedor cadastrado, os blocos de IA usam o das variáveis de ambiente: {model} em {url}.',
    en: 'With no provider here, AI blocks use the one from the environment variables: {model} at {url}.',
  },
  'settings.ai.none': {
    'pt-BR': 'Sem provedor, os blocos de IA seguem pela saída de erro.',
    en: 'With no provider, AI blocks take their error output.',
  },
  'settings.ai.name': { 'pt-BR': 'Nome', en: 'Name' },
  'settings.ai.baseUrl': { 'pt-BR': 'Endereço da API (base URL)', en: 'API address (base URL)' },
  'settings.ai.baseUrlHelp': {
    'pt-BR': 'Ex.: https://api.openai.com/v1 ou http://localhost:11434/v1 (Ollama).',
    en: 'E.g. https://api.openai.com/v1 or http://localhost:11434/v1 (Ollama).',
  },
  'settings.ai.model': { 'pt-BR': 'Modelo', en: 'Model' },
  'settings.ai.key': { 'pt-BR': 'Chave da API', en: 'API key' },
  'settings.ai.keyHelp': {
    'pt-BR': 'Guardada criptografada; nunca é mostrada de novo. Deixe em branco se o provedor não pede chave.',
    en: 'Stored encrypted; never shown again. Leave empty if the provider needs no key.',
  },
  'settings.ai.keySaved': { 'pt-BR': '•••• salva', en: '•••• saved' },
  'settings.ai.keyNone': { 'pt-BR': 'sem chave', en: 'no key' },
  'settings.ai.keyReplace': { 'pt-BR': 'Trocar chave', en: 'Replace key' },
  'settings.ai.keyRemove': { 'pt-BR': 'Remover chave', en: 'Remove key' },
  'settings.ai.keyKeep': { 'pt-BR': 'Manter a chave salva', en: 'Keep the saved key' },
  'settings.ai.default': { 'pt-BR': 'Padrão', en: 'Default' },
  'settings.ai.makeDefault': { 'pt-BR': 'Tornar padrão', en: 'Make default' },
  'settings.ai.isDefault': { 'pt-BR': 'Usar como provedor padrão', en: 'Use as the default provider' },
  'settings.ai.test': { 'pt-BR': 'Testar', en: 'Test' },
  'settings.ai.testOf': { 'pt-BR': 'Testar {name}', en: 'Test {name}' },
  'settings.ai.testing': { 'pt-BR': 'Testando…', en: 'Testing…' },
  'settings.ai.testOk': {
    'pt-BR': 'Funcionando: o modelo respondeu em {ms} ms.',
    en: 'Working: the model answered in {ms} ms.',
  },
  'settings.ai.testFailed': { 'pt-BR': 'Falhou: {message}', en: 'Failed: {message}' },
  'settings.ai.testFailedStatus': {
    'pt-BR': 'Falhou (HTTP {status}): {message}',
    en: 'Failed (HTTP {status}): {message}',
  },
  'settings.ai.created': { 'pt-BR': 'Provedor {name} adicionado', en: 'Provider {name} added' },
  'settings.ai.updated': { 'pt-BR': 'Provedor {name} salvo', en: 'Provider {name} saved' },
  'settings.ai.deleteTitle': { 'pt-BR': 'Excluir {name}?', en: 'Delete {name}?' },
  'settings.ai.deleteText': {
    'pt-BR': 'Os blocos de IA deixam de usar este provedor. Se ele for o padrão, o mais antigo dos outros passa a ser.',
    en: 'AI blocks stop using this provider. If it is the default, the oldest of the others becomes the default.',
  },
  'settings.ai.deleted': { 'pt-BR': 'Provedor {name} excluído', en: 'Provider {name} deleted' },

  'settings.general.title': { 'pt-BR': 'Fuso, horário e dados', en: 'Time zone, hours and data' },
  'settings.timeZone': { 'pt-BR': 'Fuso horário', en: 'Time zone' },
  'settings.language': { 'pt-BR': 'Idioma padrão do estúdio', en: 'Default studio language' },
  'settings.language.pt-BR': { 'pt-BR': 'Português (Brasil)', en: 'Portuguese (Brazil)' },
  'settings.language.en': { 'pt-BR': 'Inglês', en: 'English' },
  'settings.retention': { 'pt-BR': 'Guardar mensagens por', en: 'Keep messages for' },
  'settings.retention.forever': { 'pt-BR': 'Guardar para sempre', en: 'Keep forever' },
  'settings.retention.days': { 'pt-BR': 'dias', en: 'days' },
  'settings.retention.help': {
    'pt-BR':
      'Uma vez por dia, mensagens e mídias mais antigas que isso são apagadas. Pedidos, contatos, campanhas e estatísticas ficam. Mínimo de {min} dias.',
    en: 'Once a day, messages and media older than this are deleted. Orders, contacts, campaigns and statistics stay. At least {min} days.',
  },

  'settings.hours.title': { 'pt-BR': 'Horário de atendimento', en: 'Business hours' },
  'settings.hours.closed': { 'pt-BR': 'Fechado', en: 'Closed' },
  'settings.hours.add': { 'pt-BR': 'Adicionar intervalo', en: 'Add range' },
  'settings.hours.addOn': { 'pt-BR': 'Adicionar intervalo na {day}', en: 'Add a range on {day}' },
  'settings.hours.remove': { 'pt-BR': 'Remover intervalo {n} de {day}', en: 'Remove range {n} of {day}' },
  'settings.hours.from': { 'pt-BR': 'Abre às ({day}, intervalo {n})', en: 'Opens at ({day}, range {n})' },
  'settings.hours.to': { 'pt-BR': 'Fecha às ({day}, intervalo {n})', en: 'Closes at ({day}, range {n})' },
  'settings.day.mon': { 'pt-BR': 'Segunda', en: 'Monday' },
  'settings.day.tue': { 'pt-BR': 'Terça', en: 'Tuesday' },
  'settings.day.wed': { 'pt-BR': 'Quarta', en: 'Wednesday' },
  'settings.day.thu': { 'pt-BR': 'Quinta', en: 'Thursday' },
  'settings.day.fri': { 'pt-BR': 'Sexta', en: 'Friday' },
  'settings.day.sat': { 'pt-BR': 'Sábado', en: 'Saturday' },
  'settings.day.sun': { 'pt-BR': 'Domingo', en: 'Sunday' },
} satisfies MessageTable;
