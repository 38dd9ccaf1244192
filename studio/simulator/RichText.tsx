import type { ReactNode } from 'react';
import { formatWhatsApp } from './messages.ts';

export function RichText({ text }: { text: string }) {
  return (
    <span className="rich-text">
      {formatWhatsApp(text).map((part, i) => {
        let node: ReactNode = part.text;
        if (part.mono) node = <code>{node}</code>;
        if (part.bold) node = <strong>{node}</strong>;
        if (part.italic) node = <em>{node}</em>;
        if (part.strike) node = <s>{node}</s>;
        return <span key={i}>{node}</span>;
      })}
    </span>
  );
}
