import { Position } from '@xyflow/react';
import { useContext, type CSSProperties } from 'react';
import { exceptionalOutputs } from '../../shared/flow/nodes/kinds.ts';
import { FarLook } from './far-look.ts';
import type { OutputRow } from './node-props.ts';
import { Port, useMarkProps } from './Port.tsx';

/** Outputs for "something went wrong or nobody answered", drawn in their own colours. */
const isExceptional = (handle: string) => exceptionalOutputs.has(handle) || handle === 'cancelled';

/**
 * A node's outputs, one labelled row each with its handle on the right. In the far look
 * (labels hidden), the rows are left out: every row is exactly one row high (nodes.css), so
 * the list keeps its height from the row count and each handle is placed where its row would
 * put it. A big flow has over a thousand outputs: that is a thousand flex rows fewer to
 * create, style and lay out when it opens.
 */
export function OutputList({ outputs }: { outputs: OutputRow[] }) {
  const far = useContext(FarLook);
  const mark = useMarkProps();
  if (far) {
    return (
      <div className="fx-node__outputs fx-node__outputs--far" style={{ '--rows': outputs.length } as CSSProperties}>
        {outputs.map((o, i) => (
          <div
            key={o.handle}
            {...mark('source', o.handle, Position.Right, 'fx-handle fx-handle--out', { '--row': i } as CSSProperties)}
          />
        ))}
      </div>
    );
  }
  return (
    <ul className="fx-node__outputs">
      {outputs.map((o) => (
        <li
          key={o.handle}
          className={`fx-out${isExceptional(o.handle) ? ` fx-out--exceptional fx-out--${o.handle}` : ''}`}
        >
          <span className="fx-out__label">{o.label}</span>
          <Port type="source" id={o.handle} position={Position.Right} className="fx-handle fx-handle--out" />
        </li>
      ))}
    </ul>
  );
}

/**
 * A box's outputs (see NodeShell.tsx): only the handles `drawn` keeps (those edges use), each
 * where its row would put it, counted from the bottom (`--below` rows under it, nodes.css), as
 * the rows sit at the foot of the node.
 */
export function BoxOutputHandles({ outputs, drawn }: { outputs: OutputRow[]; drawn: (handle: string) => boolean }) {
  const mark = useMarkProps();
  return outputs.map(
    (o, i) =>
      drawn(o.handle) && (
        <div
          key={o.handle}
          {...mark('source', o.handle, Position.Right, 'fx-handle fx-handle--out fx-handle--row', {
            '--below': outputs.length - 1 - i,
          } as CSSProperties)}
        />
      ),
  );
}
