import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { exceptionalOutputs } from '../../../shared/flow/nodes/kinds.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../../nodes/icons.tsx';
import { deleteElements } from '../edits/delete.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';

/**
 * An edge coloured like the output it leaves from (errors red, timeouts grey...), with a
 * delete button in the middle while it is selected.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    sourceHandleId,
    markerEnd,
  } = props;
  // Right-angled with round corners: outputs leave sideways and targets sit below, so curves would loop back.
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 12,
    offset: 18,
  });
  const handle = sourceHandleId ?? 'next';
  const kind = exceptionalOutputs.has(handle) || handle === 'cancelled' ? handle : 'normal';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`fx-edge fx-edge--${kind}${selected ? ' is-selected' : ''}`}
        interactionWidth={18}
      />
      {selected && <DeleteButton id={id} x={labelX} y={labelY} />}
    </>
  );
});

/** Its own component so that only a selected edge reads the store and the language (a flow has hundreds of edges). */
function DeleteButton({ id, x, y }: { id: string; x: number; y: number }) {
  const t = useT();
  const readOnly = useEditor((s) => s.readOnly);
  const api = useEditorApi();
  if (readOnly) return null;
  return (
    <EdgeLabelRenderer>
      <button
        type="button"
        className="fx-edge__delete nodrag nopan"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        aria-label={t('editor.toolbar.delete')}
        onClick={() => api.getState().edit((f) => deleteElements(f, [], [id]))}
      >
        <Icon name="close" size={12} />
      </button>
    </EdgeLabelRenderer>
  );
}
