import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { User } from '../../../shared/api/auth.ts';
import { useT } from '../../i18n/index.ts';
import { Link, usePathname } from '../router.ts';
import { phoneQuery, useMediaQuery } from '../use-media-query.ts';
import { AccountControls } from './AccountControls.tsx';
import { isActive, type NavItem } from './nav-item.ts';

const focusable = 'a[href], button:not([disabled]), select:not([disabled])';

/**
 * The phone's menu: every page, the language and the account, in a modal side sheet on the
 * native `<dialog>` (the page behind is inert, Esc closes). It closes on navigation, and focus
 * goes back to the menu button.
 */
export function MenuDrawer({ items, user, onClose }: { items: readonly NavItem[]; user: User; onClose(): void }) {
  const t = useT();
  const pathname = usePathname();
  const phone = useMediaQuery(phoneQuery);
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const openedAt = useRef(pathname);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (
      dialog.querySelector<HTMLElement>('a[aria-current="page"]') ?? dialog.querySelector<HTMLElement>(focusable)
    )?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);
  // A tap on a link navigates; growing past a phone's width brings back the top bar's own links.
  useEffect(() => {
    if (pathname !== openedAt.current || !phone) closeRef.current();
  }, [pathname, phone]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const all = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
    const first = all[0];
    const last = all[all.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      id="app-menu"
      className="drawer"
      aria-label={t('shell.menu')}
      data-testid="app-menu"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        closeRef.current();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) closeRef.current();
      }}
    >
      <div className="drawer-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <button type="button" className="icon-button" aria-label={t('shell.menuClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <nav aria-label={t('nav.label')} className="drawer-nav">
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <Link
              key={item.to}
              to={item.to}
              className={active ? 'active' : undefined}
              aria-current={active ? 'page' : undefined}
            >
              {t(item.label)}
              {item.Badge ? <item.Badge /> : null}
            </Link>
          );
        })}
      </nav>
      <AccountControls user={user} className="drawer-account" />
    </dialog>
  );
}
