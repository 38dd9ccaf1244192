/** Texts of understanding what contacts type or say: synonyms and "Entender com IA". */
export const intentMessages = {
  'intent.synonyms': { 'pt-BR': 'Sinônimos', en: 'Synonyms' },
  'intent.synonymsHint': {
    'pt-BR': 'Outras palavras para esta opção, separadas por vírgula (ex.: simulação, parcelas)',
    en: 'Other words for this option, separated by commas (e.g. simulation, installments)',
  },
  'intent.chips.remove': { 'pt-BR': 'Remover {word}', en: 'Remove {word}' },
  'intent.ai': { 'pt-BR': 'Entender com IA', en: 'Understand with AI' },
  'intent.ai.enabled': {
    'pt-BR': 'Usar IA quando a resposta não bater com nenhuma opção',
    en: 'Use AI when the answer matches no option',
  },
  'intent.ai.hint': {
    'pt-BR': 'A IA escolhe a opção que o contato quis dizer e transcreve áudios (se o provedor tiver transcrição).',
    en: 'The AI picks the option the contact meant and transcribes voice notes (when the provider has transcription).',
  },
  'intent.ai.threshold': { 'pt-BR': 'Confiança mínima (0 a 1)', en: 'Minimum confidence (0 to 1)' },
  'intent.ai.thresholdHint': {
    'pt-BR': 'Abaixo dela, o bloco pergunta de novo',
    en: 'Below it, the block asks again',
  },
  'intent.allowImages': {
    'pt-BR': 'Aceitar imagens (enviadas à IA se o modelo enxerga)',
    en: 'Accept pictures (sent to the AI if the model sees)',
  },
  'intent.allowAudio': {
    'pt-BR': 'Aceitar áudios (transcritos, se o provedor tiver transcrição)',
    en: 'Accept voice notes (transcribed, if the provider has transcription)',
  },
  'intent.provider.vision': {
    'pt-BR': 'O modelo enxerga imagens (visão)',
    en: 'The model reads pictures (vision)',
  },
  'intent.provider.transcription': { 'pt-BR': 'Modelo de transcrição de áudio', en: 'Voice transcription model' },
  'intent.provider.transcriptionHelp': {
    'pt-BR': 'Ex.: whisper-1, em …/audio/transcriptions. Vazio: áudios não são transcritos.',
    en: 'E.g. whisper-1, at …/audio/transcriptions. Empty: voice notes are not transcribed.',
  },
} as const;
