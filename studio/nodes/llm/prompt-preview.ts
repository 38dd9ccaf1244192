/** The prompt's first words are enough to recognise the node; the inspector has the rest. */
export const promptPreview = (text: string) => (text.length > 140 ? `${text.slice(0, 140)}…` : text);
