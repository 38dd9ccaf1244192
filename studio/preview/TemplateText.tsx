import { Fragment } from 'react';
import { parseTemplate } from '../../shared/template/parse.ts';

/**
 * Text with `{{variable}}` drawn as chips, so people see at a glance what the contact will
 * get filled in. `formatted` also applies WhatsApp's *bold*, _italic_ and ~strike~.
 */
export function TemplateText({ text, formatted = false }: { text: string; formatted?: boolean }) {
  return (
    <>
      {parseTemplate(text).map((part, i) =>
        part.kind === 'variable' ? (
          <span key={i} className="fx-var-chip" title={part.raw}>
            {part.path}
          </span>
        ) : (
          <Fragment key={i}>{formatted ? formatWhatsApp(part.text) : part.text}</Fragment>
        ),
      )}
    </>
  );
}

const marks = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g;
const tags = { '*': 'strong', _: 'em', '~': 's' } as const;

function formatWhatsApp(text: string) {
  return text.split(marks).map((piece, i) => {
    const mark = piece[0] as keyof typeof tags | undefined;
    if (i % 2 === 1 && mark && mark in tags && piece.endsWith(mark)) {
      const Tag = tags[mark];
      return <Tag key={i}>{piece.slice(1, -1)}</Tag>;
    }
    return <Fragment key={i}>{piece}</Fragment>;
  });
}
