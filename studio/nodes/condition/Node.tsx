import { memo, useMemo } from 'react';
import { conditionOutputs } from '../../../shared/flow/nodes/outputs.ts';
import { useT } from '../../i18n/index.ts';
import { TemplateText } from '../../preview/TemplateText.tsx';
import { NodeShell } from '../NodeShell.tsx';
import { outputLabelKey } from '../outputs.ts';
import { sameFace, type FlowNodeProps } from '../node-props.ts';

const unary = new Set(['empty', 'not_empty']);

export const ConditionNode = memo(function ConditionNode({ id, data, selected }: FlowNodeProps<'condition'>) {
  const t = useT();
  // Handles from shared/flow/nodes/outputs.ts: one per rule, then `else`.
  const outputs = useMemo(
    () =>
      conditionOutputs({ rules: data.rules }).map((handle, i) => {
        const r = data.rules[i];
        if (!r) return { handle, label: t(outputLabelKey(handle)) };
        return {
          handle,
          label: (
            <>
              <span className="fx-var-chip">{r.variable}</span> {t(`editor.choice.op.${r.operator}`)}{' '}
              {!unary.has(r.operator) && (
                <strong>
                  <TemplateText text={r.value || '""'} />
                </strong>
              )}
            </>
          ),
        };
      }),
    [data.rules, t],
  );
  return (
    <NodeShell id={id} type="condition" data={data} selected={selected} outputs={outputs}>
      {data.rules.length === 0 && <p className="fx-muted">{t('editor.face.noRules')}</p>}
    </NodeShell>
  );
}, sameFace);
