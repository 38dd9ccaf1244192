import { Handle, useNodeId, useStoreApi, type Position } from '@xyflow/react';
import { useContext, type CSSProperties, type HTMLAttributes } from 'react';
import { FarLook } from './far-look.ts';

interface PortProps {
  type: 'source' | 'target';
  id?: string;
  position: Position;
  className: string;
}

/**
 * A node's connection point. Near, React Flow's `<Handle>`. In the far look, where handles
 * are hidden and nobody can start or end a connection on them, a plain element with the
 * classes and data attributes React Flow reads when it measures a node's handles (see
 * `markProps`): the same box at the same place, so edges attach exactly as before, without
 * `<Handle>`'s two store subscriptions, each run again on every frame of a pan (a 500-node
 * flow has ~1,800 handles). Zooming in swaps in the real ones; the node's size does not
 * change, so the measured positions stay valid.
 */
export function Port({ type, id, position, className }: PortProps) {
  const far = useContext(FarLook);
  const mark = useMarkProps();
  if (!far) return <Handle type={type} id={id} position={position} className={className} />;
  return <div {...mark(type, id ?? null, position, className)} />;
}

type MarkProps = HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | null>;

/**
 * Attributes of a far-look handle stand-in, for plain `<div>`s: no component per handle.
 * `getHandleBounds` finds handles by `.source`/`.target` and reads their id and side from the
 * data attributes; `data-id` is how a connection in progress looks a handle up.
 */
export function useMarkProps() {
  const rfId = useStoreApi().getState().rfId;
  const nodeId = useNodeId();
  return (
    type: 'source' | 'target',
    id: string | null,
    position: Position,
    className: string,
    style?: CSSProperties,
  ): MarkProps => ({
    'data-handleid': id,
    'data-nodeid': nodeId,
    'data-handlepos': position,
    'data-id': `${rfId}-${nodeId}-${id}-${type}`,
    className: `react-flow__handle react-flow__handle-${position} nodrag nopan ${className} ${type}`,
    style,
  });
}
