import type { NodeType } from '../../shared/flow/nodes/index.ts';
import { windowClosedOutput, windowSensitiveTypes } from '../../shared/flow/nodes/outputs.ts';
import { updateNodeData } from '../editor/edits/update-data.ts';
import { useEditorApi } from '../editor/state/EditorProvider.tsx';
import type { EditorFlow, EditorNode } from '../editor/state/types.ts';
import { useT } from '../i18n/index.ts';
import { SelectField } from './form/SelectField.tsx';
import { TemplatePicker } from './message/TemplateSection.tsx';

type Choice = 'end' | 'output' | 'template';

/** What a sending block does with the window closed, as its data says it. */
export function windowClosedChoice(node: EditorNode): Choice {
  if (node.type === 'message' && node.data.templateWhen === 'window_closed') return 'template';
  return 'windowClosed' in node.data ? node.data.windowClosed : 'end';
}

/** The block's data for a choice; a message leaves its template fallback for any other choice. */
function patchFor(node: EditorNode, choice: Choice): Record<string, unknown> {
  if (choice === 'template') return { windowClosed: 'end', templateWhen: 'window_closed' };
  const patch: Record<string, unknown> = { windowClosed: choice };
  if (node.type === 'message' && node.data.templateWhen === 'window_closed')
    Object.assign(patch, { templateWhen: 'always', template: null });
  return patch;
}

/** Only the `output` choice keeps an edge from `window_closed`: the others never take it. */
function keepWindowClosedEdge(flow: EditorFlow, nodeId: string, keep: boolean): EditorFlow {
  if (keep) return flow;
  const edges = flow.edges.filter((e) => !(e.source === nodeId && e.sourceHandle === windowClosedOutput));
  return edges.length === flow.edges.length ? flow : { ...flow, edges };
}

export const hasWindowClosedChoice = (type: NodeType) => windowSensitiveTypes.has(type);

/**
 * "Quando a janela de 24 h estiver fechada" for every block that sends free-form: end quietly,
 * follow the `window_closed` output (its handle then shows on the node), or — for a message —
 * send an approved template instead. One undo step, edges included.
 */
export function WindowClosedSection({ node }: { node: EditorNode }) {
  const t = useT();
  const api = useEditorApi();
  // A block that always sends a template goes out with the window closed too.
  if (node.type === 'message' && node.data.template && node.data.templateWhen === 'always')
    return (
      <p className="fx-field__hint" data-testid="window-closed-template-note">
        {t('windowClosed.templateAlways')}
      </p>
    );
  const choice = windowClosedChoice(node);
  const choose = (next: Choice) =>
    api
      .getState()
      .edit(
        (f) => keepWindowClosedEdge(updateNodeData(f, node.id, patchFor(node, next)), node.id, next === 'output'),
        `data:${node.id}:windowClosed`,
      );
  const options: { value: Choice; label: string }[] = [
    { value: 'end', label: t('windowClosed.end') },
    { value: 'output', label: t('windowClosed.output') },
    ...(node.type === 'message' ? [{ value: 'template' as const, label: t('windowClosed.template') }] : []),
  ];
  return (
    <section className="fx-window-closed" data-testid="window-closed-section">
      <SelectField<Choice>
        label={t('windowClosed.label')}
        hint={t(`windowClosed.hint.${choice}`)}
        value={choice}
        options={options}
        onChange={choose}
      />
      {node.type === 'message' && choice === 'template' && (
        <TemplatePicker
          node={node}
          update={(patch, field) =>
            api.getState().edit((f) => updateNodeData(f, node.id, patch), `data:${node.id}:${field}`)
          }
        />
      )}
    </section>
  );
}
