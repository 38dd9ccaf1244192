import type { NodeType } from '../../shared/flow/nodes/index.ts';

/**
 * Line icons drawn for Fluxo on a 24×24 grid (stroke, no fill), so the studio needs no icon
 * package and every icon shares one weight. Paths are ours, kept short on purpose.
 */
const paths = {
  start: 'M7 4.5v15l12-7.5z',
  message: 'M4 5h16v11H9l-5 4z',
  menu: 'M8 7h12M8 12h12M8 17h12M4 7h.01M4 12h.01M4 17h.01',
  question: 'M9.2 9a3 3 0 1 1 4.3 2.7c-.9.5-1.5 1.2-1.5 2.3M12 18h.01M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  condition: 'M6 3v7a4 4 0 0 0 4 4h8M6 21v-7M15 11l3 3-3 3M6 3h.01',
  set: 'M5 9h14M5 15h14M9 4 7 20M17 4l-2 16',
  http: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9M12 3C9.5 5.5 8.5 8.5 8.5 12s1 6.5 3.5 9',
  product_picker: 'M3 4h2.5l2.2 10.5h10.6L20.5 7H6.4M9 19.5h.01M17 19.5h.01',
  financing: 'M5 3h14v18H5zM8 7h8M8 11h2M12 11h2M16 11h.01M8 15h2M12 15h2M16 15v3M8 18h6',
  agent: 'M9 3h6M12 3v3M5 8h14v10H5zM9 12h.01M15 12h.01M9 15h6',
  llm: 'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8zM19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z',
  handoff: 'M4 13a8 8 0 0 1 16 0M4 13v4h3v-5H4zM20 13v4h-3v-5h3zM17 17c0 2-2 3-5 3',
  wait: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 2',
  payment: 'M12 3l9 9-9 9-9-9zM12 8l4 4-4 4-4-4z',
  goto: 'M4 18V11a4 4 0 0 1 4-4h11M15 3l4 4-4 4',
  end: 'M6 3v18M6 4h11l-2 4 2 4H6',
  note: 'M5 4h14v10l-6 6H5zM13 20v-6h6',
  schedule: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M9 15l2 2 4-4',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  copy: 'M8 8h12v12H8zM16 8V4H4v12h4',
  paste: 'M9 4h6v3H9zM7 5H5v16h14V5h-2M9 12h6M9 16h4',
  duplicate: 'M8 8h12v12H8zM16 8V4H4v12h4M14 11v6M11 14h6',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  layout: 'M10 3h4v4h-4zM4 17h4v4H4zM16 17h4v4h-4zM12 7v5M6 17v-3h12v3',
  grid: 'M4 4h16v16H4zM4 10h16M4 15h16M10 4v16M15 4v16',
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4',
  alert: 'M12 4 2.5 20h19zM12 10v4M12 17h.01',
  variable:
    'M8 4c-2 0-3 1-3 3v2c0 1.5-1 2.5-2 3 1 .5 2 1.5 2 3v2c0 2 1 3 3 3M16 4c2 0 3 1 3 3v2c0 1.5 1 2.5 2 3-1 .5-2 1.5-2 3v2c0 2-1 3-3 3M9.5 9l5 6M14.5 9l-5 6',
  plus: 'M12 5v14M5 12h14',
  close: 'M6 6l12 12M18 6 6 18',
  up: 'M6 15l6-6 6 6',
  down: 'M6 9l6 6 6-6',
  check: 'M5 12l5 5 9-10',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 8.5h.01',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  play: 'M8 5v14l11-7z',
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  list: 'M8 7h12M8 12h12M8 17h12M4 7h.01M4 12h.01M4 17h.01',
  reply: 'M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z',
} as const satisfies Record<NodeType, string> & Record<string, string>;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg
      className="fx-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.9}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title && <title>{title}</title>}
      <path d={paths[name]} />
    </svg>
  );
}
