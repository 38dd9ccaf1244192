/**
 * What the benchmark runs inside the page, as source text: functions handed to Playwright
 * would be serialized after tsx has rewritten them, with helpers the page does not have.
 *
 * "Drawn" is the first frame after every one of `expected` nodes is in the DOM and visible
 * (React Flow hides a node until it has a size, measured or `initialWidth`/`initialHeight`),
 * every one of `expectedEdges` edges is drawn (React Flow leaves an edge out until it knows
 * where its handles are) and the viewport has left its initial transform (fitted); its time is
 * `performance.now()` in the next animation frame, which is measured from navigation start.
 */
export const probeScript = (expected: number, expectedEdges: number) => `
(() => {
  const nodes = () => document.querySelectorAll('.react-flow__node');
  const viewport = () => document.querySelector('.react-flow__viewport');
  const bench = (window.__bench = { drawnAt: null, frames: null });
  const watch = () => {
    const vp = viewport();
    const fitted = vp && vp.style.transform && vp.style.transform !== 'translate(0px, 0px) scale(1)';
    let visible = 0;
    if (fitted) for (const n of nodes()) if (n.style.visibility !== 'hidden') visible++;
    const edges = fitted ? document.querySelectorAll('.react-flow__edge').length : 0;
    if (fitted && visible >= ${expected} && edges >= ${expectedEdges}) requestAnimationFrame(() => { bench.drawnAt = performance.now(); });
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  // The editor fills its panels in after the first picture: the frame after the palette has its buttons.
  bench.panelsAt = null;
  const watchPanels = () => {
    if (document.querySelector('.fx-palette button')) requestAnimationFrame(() => { bench.panelsAt = performance.now(); });
    else if (performance.now() < 30000) requestAnimationFrame(watchPanels);
  };
  requestAnimationFrame(watchPanels);

  bench.nodeCount = () => nodes().length;
  /** The served flow as the studio saves it once drawn: each node with the size React Flow measured. */
  bench.savedFlow = (served) => {
    const flow = JSON.parse(served);
    for (const n of flow.nodes) {
      const el = document.querySelector('.react-flow__node[data-id="' + n.id + '"]');
      if (el) n.measured = { width: el.offsetWidth, height: el.offsetHeight };
    }
    return JSON.stringify(flow);
  };
  bench.zoom = () => {
    const m = /scale\\(([\\d.]+)\\)/.exec(viewport()?.style.transform ?? '');
    return m ? Number(m[1]) : NaN;
  };
  bench.canvas = () => {
    const r = document.querySelector('.react-flow').getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  };
  /** The empty-pane point nearest the middle of the canvas, where a drag pans. */
  bench.panePoint = () => {
    const r = bench.canvas();
    const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
    for (let d = 0; d < Math.min(r.width, r.height) / 2; d += 6)
      for (let a = 0; a < 16; a++) {
        const x = cx + d * Math.cos((a * Math.PI) / 8), y = cy + d * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  };
  bench.startFrames = () => {
    const times = [];
    bench.frames = times;
    const tick = (t) => { if (bench.frames === times) { times.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    const times = bench.frames ?? [];
    bench.frames = null;
    let worst = 0;
    for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i] - times[i - 1]);
    const ms = times.length > 1 ? times[times.length - 1] - times[0] : 0;
    return { fps: ms > 0 ? ((times.length - 1) * 1000) / ms : 0, worst };
  };
})();
`;
