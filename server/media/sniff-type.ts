import { sendableMediaTypes, type SendableMediaType } from '../../shared/whatsapp-limits.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Signatures of the types whose first bytes are fixed; Office and text files have none we rely on. */
const signatures: Partial<Record<SendableMediaType, readonly number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
};

/**
 * The sendable type of an upload, or null: the type the browser declared, checked against the
 * file's first bytes where the type has a signature (a renamed file would be refused by Meta
 * after we had said "sent"), else found from those bytes when the browser declared none.
 */
export function sniffMediaType(declared: string, bytes: Uint8Array): SendableMediaType | null {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type in sendableMediaTypes) {
    const magic = signatures[type as SendableMediaType];
    return !magic || startsWith(bytes, magic) ? (type as SendableMediaType) : null;
  }
  if (type && type !== 'application/octet-stream') return null;
  const found = Object.entries(signatures).find(([, magic]) => startsWith(bytes, magic));
  return found ? (found[0] as SendableMediaType) : null;
}
