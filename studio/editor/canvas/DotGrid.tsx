import { useStore, type ReactFlowState } from '@xyflow/react';
import { useId } from 'react';

/** Flow pixels between dots (the snap grid) and a dot's diameter, as `<Background variant="dots">`. */
const gap = 16;
const dotSize = 1.2;

/** Narrower dots are not drawn: a fraction of a pixel wide, they would only tint the background. */
const minDotPx = 0.5;

const transformOf = (s: ReactFlowState) => s.transform;
const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * The canvas' dot grid, drawn like React Flow's `<Background>` but on its own compositor layer
 * one tile larger than the pane. Panning only moves that layer by the remainder of the pan
 * (rounded to whole pixels, so the layer is never resampled), and the dots are drawn again
 * only when the zoom changes. React Flow's background moves its pattern instead, which
 * repaints the whole pane on every frame of a pan: with software rendering, the costliest
 * thing on the canvas. Zoomed far out the dots are not drawn at all (nor their layer, which
 * costs the compositor a little on every frame).
 */
export function DotGrid() {
  const [x, y, zoom] = useStore(transformOf);
  const patternId = `fx-grid-${useId().replace(/[^\w-]/g, '')}`;
  const step = gap * zoom || 1;
  const radius = (dotSize * zoom) / 2;
  // React Flow's pattern starts half a tile before the pan offset; the layer starts one tile before the pane.
  const dx = Math.round(mod(x - step / 2, step) - step);
  const dy = Math.round(mod(y - step / 2, step) - step);
  return (
    <div className="react-flow__background fx-grid" data-testid="rf__background">
      {2 * radius >= minDotPx && (
        <svg
          className="fx-grid__dots"
          style={{
            width: `calc(100% + ${2 * step}px)`,
            height: `calc(100% + ${2 * step}px)`,
            transform: `translate(${dx}px, ${dy}px)`,
          }}
          aria-hidden
        >
          <pattern id={patternId} width={step} height={step} patternUnits="userSpaceOnUse">
            <circle cx={radius} cy={radius} r={radius} />
          </pattern>
          <rect width="100%" height="100%" fill={`url(#${patternId})`} />
        </svg>
      )}
    </div>
  );
}
