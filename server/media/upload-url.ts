/**
 * Where an agent's upload is served to Meta: public (Meta downloads without our credentials)
 * and unguessable (the token). The file name ends the path so WhatsApp shows a document's name.
 */
export const uploadUrl = (base: string, token: string, fileName: string) =>
  `${base}/files/${token}/${encodeURIComponent(fileName)}`;
