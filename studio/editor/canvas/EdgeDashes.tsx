/**
 * Dashed edges (an answer that was not valid, an error, a timeout, a cancelled order) are
 * stroked with a striped pattern, not `stroke-dasharray`. With software rendering Skia works
 * out a dashed path's dashes along its whole length each time it paints a 256 px tile, and
 * panning at zoom 1 paints a dozen tiles a frame: long dashed edges took three quarters of
 * the raster time (`npm run bench:studio`: 44 fps panning against 56 with the same edges solid).
 * A pattern costs what a solid stroke costs. Its stripes are at 45°, so horizontal and vertical
 * runs (edges are right-angled) both show dashes with `on` drawn of every `period`, in flow units
 * like the rest of the edge.
 */
const stripes = [
  { kind: 'invalid', on: 6, period: 10 },
  { kind: 'error', on: 6, period: 10 },
  { kind: 'cancelled', on: 6, period: 10 },
  { kind: 'timeout', on: 2, period: 7 },
] as const;

/** The patterns, referenced by id from editor.css (there is one canvas on a page). */
export function EdgeDashes() {
  return (
    <svg className="fx-edge-dashes" width={0} height={0} aria-hidden focusable={false}>
      <defs>
        {stripes.map(({ kind, on, period }) => (
          // Along a line at 45° to the stripes, a stripe period p shows as p·√2.
          <pattern
            key={kind}
            id={`fx-dash-${kind}`}
            width={period / Math.SQRT2}
            height={period}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={on / Math.SQRT2} height={period} style={{ fill: `var(--fx-out-${kind})` }} />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
