import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { Link, usePathname } from '../router.ts';
import { isActive, type NavItem } from './nav-item.ts';

/** Space between links, as `.topbar-nav { gap }` in app.css. */
const gap = 4;

/**
 * The top bar's links on a wide screen. Those that do not fit (a dozen pages on a laptop) go
 * under "Mais", worked out from the links' measured widths, so the bar never overflows.
 */
export function MainNav({ items }: { items: readonly NavItem[] }) {
  const t = useT();
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(items.length);

  useLayoutEffect(() => {
    const box = nav.current;
    const row = measure.current;
    if (!box || !row) return;
    const update = () => {
      const widths = [...row.children].map((child) => child.getBoundingClientRect().width);
      const more = widths.pop() ?? 0;
      const available = box.clientWidth;
      if (available === 0) return; // Hidden (a phone): the menu button shows the links.
      const all = widths.reduce((sum, w) => sum + w + gap, 0);
      if (all <= available) return setFit(widths.length);
      let used = more;
      let count = 0;
      for (const w of widths) {
        if (used + w + gap > available) break;
        used += w + gap;
        count += 1;
      }
      setFit(count);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(box);
    return () => observer.disconnect();
  }, [items, t]);

  const shown = items.slice(0, fit);
  const hidden = items.slice(fit);
  return (
    <nav ref={nav} aria-label={t('nav.label')} className="topbar-nav">
      {shown.map((item) => (
        <NavLink key={item.to} item={item} active={isActive(item, pathname)} />
      ))}
      {hidden.length > 0 ? <MoreLinks items={hidden} pathname={pathname} /> : null}
      <div ref={measure} className="topbar-nav-measure" aria-hidden="true">
        {items.map((item) => (
          <span key={item.to}>{t(item.label)}</span>
        ))}
        <span>{t('shell.more')} ▾</span>
      </div>
    </nav>
  );
}

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const t = useT();
  return (
    <Link to={item.to} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {t(item.label)}
      {item.Badge ? <item.Badge /> : null}
    </Link>
  );
}

/** A disclosure with the links that did not fit: Esc, a click elsewhere or a navigation closes it. */
function MoreLinks({ items, pathname }: { items: readonly NavItem[]; pathname: string }) {
  const t = useT();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  const active = items.some((item) => isActive(item, pathname));
  return (
    <div className="topbar-more" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={active ? 'topbar-more-button active' : 'topbar-more-button'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('shell.more')} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul id={listId} className="topbar-more-list">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink item={item} active={isActive(item, pathname)} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
