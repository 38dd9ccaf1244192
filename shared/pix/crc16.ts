/**
 * CRC16-CCITT-FALSE as the BR Code asks for it (Banco Central, Manual de Padrões para Iniciação do
 * Pix): polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR, over the text's bytes
 * (ASCII, so one byte per character), written as 4 upper-case hex digits.
 */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= (text.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
