import { useCallback, useRef, type ComponentType } from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { useT } from '../../i18n/index.ts';
import { Icon } from '../../nodes/icons.tsx';
import type { InspectorProps } from '../../nodes/inspector-props.ts';
import { nodeColors } from '../../nodes/colors.ts';
import { nodeInspectors } from '../../nodes/inspectors.ts';
import { hasWindowClosedChoice, WindowClosedSection } from '../../nodes/WindowClosedSection.tsx';
import { WhatsAppPreview, sendsMessage } from '../../preview/WhatsAppPreview.tsx';
import { deleteElements } from '../edits/delete.ts';
import { updateNodeData } from '../edits/update-data.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';
import { FlowSettings } from './FlowSettings.tsx';
import { OutputTargets } from './OutputTargets.tsx';
import type { EditorNode } from '../state/types.ts';

const many = Symbol('many');

/** The one selected node, `many` for a multi-selection, null for none. Same object while unchanged. */
function selectedNode(nodes: readonly EditorNode[]): EditorNode | typeof many | null {
  let found: EditorNode | null = null;
  for (const n of nodes) {
    if (!n.selected) continue;
    if (found) return many;
    found = n;
  }
  return found;
}

/** Right-hand panel: the selected node's form and WhatsApp preview, or the flow's settings. */
export function Inspector() {
  const t = useT();
  const selected = useEditor((s) => selectedNode(s.flow.nodes));
  const count = useEditor((s) => (selected === many ? s.flow.nodes.filter((n) => n.selected).length : 0));
  const panel = useRef<HTMLElement>(null);

  // tabIndex -1: deleting the node removes the focused button; the panel keeps the focus instead.
  return (
    <aside className="fx-inspector" aria-label={t('editor.inspector.label')} ref={panel} tabIndex={-1}>
      {selected === null && <FlowSettings />}
      {selected === many && <p className="fx-inspector__multi">{t('editor.inspector.multi', { n: count })}</p>}
      {selected !== null && selected !== many && (
        <NodeInspector key={selected.id} node={selected} onDeleted={() => panel.current?.focus()} />
      )}
    </aside>
  );
}

function NodeInspector({ node, onDeleted }: { node: EditorNode; onDeleted(): void }) {
  const t = useT();
  const api = useEditorApi();
  const readOnly = useEditor((s) => s.readOnly);
  // Each form is typed for its own node; the node given here is of that same type.
  const Form = nodeInspectors[node.type] as ComponentType<InspectorProps<NodeType>>;
  const update = useCallback(
    (patch: Record<string, unknown>, field: string) =>
      api.getState().edit((f) => updateNodeData(f, node.id, patch), `data:${node.id}:${field}`),
    [api, node.id],
  );

  return (
    <>
      <header className="fx-inspector__header" style={{ '--node-color': nodeColors[node.type] } as React.CSSProperties}>
        <span className="fx-node__icon">
          <Icon name={node.type} size={16} />
        </span>
        <div className="fx-inspector__titles">
          <h2>{t(`editor.node.${node.type}`)}</h2>
          <p className="fx-meta" title={t('editor.inspector.id')}>
            {node.id}
          </p>
        </div>
        {node.type !== 'start' && !readOnly && (
          <button
            type="button"
            className="fx-icon-button fx-icon-button--danger"
            aria-label={t('editor.toolbar.delete')}
            onClick={() => {
              api.getState().edit((f) => deleteElements(f, [node.id]));
              onDeleted();
            }}
          >
            <Icon name="trash" size={15} />
          </button>
        )}
      </header>
      <fieldset className="fx-inspector__form" disabled={readOnly}>
        <Form node={node} update={update} />
        {hasWindowClosedChoice(node.type) && <WindowClosedSection node={node} />}
      </fieldset>
      <OutputTargets node={node} />
      {sendsMessage(node) && (
        <section className="fx-inspector__preview" aria-label={t('editor.inspector.preview')}>
          <h3 className="fx-section-title">{t('editor.inspector.preview')}</h3>
          <WhatsAppPreview node={node} />
        </section>
      )}
    </>
  );
}
