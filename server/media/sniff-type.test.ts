import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff-type.ts';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const pdf = new TextEncoder().encode('%PDF-1.7\n');

describe('sniffMediaType', () => {
  it.each([
    ['image/jpeg', jpeg, 'image/jpeg'],
    ['image/png', png, 'image/png'],
    ['application/pdf', pdf, 'application/pdf'],
    ['', png, 'image/png'],
    ['application/octet-stream', pdf, 'application/pdf'],
    ['text/plain; charset=utf-8', new TextEncoder().encode('oi'), 'text/plain'],
    ['image/png', jpeg, null],
    ['image/gif', new TextEncoder().encode('GIF89a'), null],
    ['text/html', new TextEncoder().encode('<script>'), null],
    ['', new TextEncoder().encode('nada'), null],
  ] as const)('%s → %s', (declared, bytes, expected) => {
    expect(sniffMediaType(declared, bytes)).toBe(expected);
  });
});
