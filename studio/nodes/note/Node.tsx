import { NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../../editor/state/EditorProvider.tsx';
import { useT } from '../../i18n/index.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

/** A sticky note: no handles, resizable, its text shown as written. */
export const NoteNode = memo(function NoteNode({ data, selected }: FlowNodeProps<'note'>) {
  const t = useT();
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <div className={`fx-note fx-note--${data.color}${selected ? ' is-selected' : ''}`}>
      <NodeResizer isVisible={selected && !readOnly} minWidth={140} minHeight={80} lineClassName="fx-note__resize" />
      <p className="fx-note__text">{data.text || <span className="fx-muted">{t('editor.hint.note')}</span>}</p>
    </div>
  );
}, sameFace);
