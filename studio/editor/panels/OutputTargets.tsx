import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { optionHandle, ruleHandle } from '../../../shared/flow/nodes/outputs.ts';
import { useT } from '../../i18n/index.ts';
import { outputLabelKey } from '../../nodes/outputs.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';
import { outputTargets, setOutputTarget } from './output-targets.ts';
import { nodeLabel } from '../state/search.ts';
import type { EditorNode } from '../state/types.ts';

/** Option title for a menu output, rule position for a condition output, else the output's fixed name. */
function useOutputName(node: EditorNode) {
  const t = useT();
  return (handle: string): string => {
    if (node.type === 'menu') {
      const at = node.data.options.findIndex((o) => optionHandle(o.id) === handle);
      const option = node.data.options[at];
      if (option) return `${at + 1}. ${option.title}`;
    }
    if (node.type === 'condition') {
      const at = node.data.rules.findIndex((r) => ruleHandle(r.id) === handle);
      if (at !== -1) return t('editor.outputs.rule', { n: at + 1 });
    }
    return t(outputLabelKey(handle));
  };
}

/**
 * "Where does each output go?" as one select per output: the keyboard's way to draw,
 * move and remove edges. Goes through the store's `edit`, so undo and read-only apply.
 */
export function OutputTargets({ node }: { node: EditorNode }) {
  const t = useT();
  const api = useEditorApi();
  const titleId = useId();
  const readOnly = useEditor((s) => s.readOnly);
  // What the choices depend on: each node's id, type and data, not its position (which
  // changes on every frame of a drag), so dragging never recomputes them.
  const shape = useEditor(useShallow((s) => s.flow.nodes.flatMap((n) => [n.id, n.type, n.data])));
  const edges = useEditor((s) => s.flow.edges);
  const outputName = useOutputName(node);
  const outputs = useMemo(
    () =>
      outputTargets({ nodes: api.getState().flow.nodes, edges }, node.id).map((output) => ({
        ...output,
        options: output.choices.map((n) => ({ value: n.id, label: nodeLabel(n, t(`editor.node.${n.type}`)) })),
      })),
    // `shape` stands for the nodes read from the store.
    [api, shape, edges, node.id, t],
  );
  if (outputs.length === 0) return null;

  // Arrow keys on a closed select change it at once: browsing the targets is one undo step.
  const choose = (handle: string, target: string) =>
    api
      .getState()
      .edit(
        (f) => setOutputTarget(f, node.id, handle, target || null, api.getState().id),
        `outputs:${node.id}:${handle}`,
      );

  return (
    // Spacing borrowed from the preview section below it and the list editor's fieldset (editor.css).
    <section className="fx-inspector__preview fx-outputs" aria-labelledby={titleId} data-testid="output-targets">
      <h3 className="fx-section-title" id={titleId}>
        {t('editor.outputs.title')}
      </h3>
      <fieldset className="fx-list" disabled={readOnly}>
        {outputs.map((output) => (
          <OutputSelect
            key={output.handle}
            handle={output.handle}
            label={outputName(output.handle)}
            value={output.target ?? ''}
            options={output.options}
            onChange={(target) => choose(output.handle, target)}
          />
        ))}
      </fieldset>
    </section>
  );
}

interface OutputSelectProps {
  handle: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(target: string): void;
}

function OutputSelect({ handle, label, value, options, onChange }: OutputSelectProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="fx-field">
      <label className="fx-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="fx-input fx-select"
        value={value}
        data-handle={handle}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('editor.outputs.none')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
