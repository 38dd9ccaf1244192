import { crc16Ccitt } from './crc16.ts';

/**
 * The "Pix copia e cola" text (BR Code, static) for a Pix key, as the Banco Central's manual
 * describes it: EMV MPM fields `ID + length + value`, the CRC last. The same text goes into the
 * QR code. See /work/shared/PIX.md for the field list and sources.
 */
export interface BrCodeInput {
  /** CPF/CNPJ digits, e-mail, `+55…` phone or a random (EVP) key. */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Omitted: the payer types the amount. */
  amountCents?: number | null;
  /** Up to 25 letters and digits; `***` when absent. */
  txid?: string | null;
  description?: string | null;
}

export const brCodeLimits = { merchantName: 25, merchantCity: 15, txid: 25 } as const;

/** ASCII only (readers count characters as bytes): accents stripped, anything else dropped. */
export function asciiOnly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^\x20-\x7e]/gu, '')
    .trim();
}

function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`BR Code field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** Digits and letters only, at most 25, as the txid field allows; `***` when nothing is left. */
export function brCodeTxid(txid: string | null | undefined): string {
  const clean = (txid ?? '').replace(/[^A-Za-z0-9]/gu, '').slice(0, brCodeLimits.txid);
  return clean === '' ? '***' : clean;
}

/** "45.90": a dot as the decimal separator, as field 54 wants. */
export function brCodeAmount(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function buildBrCode(input: BrCodeInput): string {
  const account =
    field('00', 'br.gov.bcb.pix') +
    field('01', input.key.trim()) +
    (input.description ? field('02', asciiOnly(input.description).slice(0, 40)) : '');
  const amount = input.amountCents ? field('54', brCodeAmount(input.amountCents)) : '';
  const body =
    field('00', '01') +
    field('26', account) +
    field('52', '0000') +
    field('53', '986') +
    amount +
    field('58', 'BR') +
    field('59', asciiOnly(input.merchantName).slice(0, brCodeLimits.merchantName)) +
    field('60', asciiOnly(input.merchantCity).slice(0, brCodeLimits.merchantCity)) +
    field('62', field('05', brCodeTxid(input.txid))) +
    '6304';
  return body + crc16Ccitt(body);
}
