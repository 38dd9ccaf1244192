import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { TextField } from '../form/TextField.tsx';
import type { InspectorProps } from '../inspector-props.ts';

const split = (text: string) =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

export function StartInspector({ node, update }: InspectorProps<'start'>) {
  const t = useT();
  // The box keeps what is typed (a trailing comma, a half word); the data keeps clean keywords.
  const [text, setText] = useState(node.data.keywords.join(', '));
  return (
    <TextField
      label={t('editor.field.keywords')}
      value={text}
      placeholder="oi, menu, começar"
      hint={t('editor.face.anyMessage')}
      onChange={(v) => {
        setText(v);
        update({ keywords: split(v) }, 'keywords');
      }}
    />
  );
}
