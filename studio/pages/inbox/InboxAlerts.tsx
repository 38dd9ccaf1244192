import { useEffect, useRef } from 'react';
import type { StudioEvent } from '../../../shared/api/events.ts';
import { api, type Handoff } from '../../api/client.ts';
import { useStudioEvents } from '../../api/events.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { usePathname } from '../../ui/router.ts';
import { showToast } from '../../ui/toast.tsx';
import {
  alertsFor,
  chime,
  notifyBrowser,
  useInboxUnread,
  type AlertKind,
  type HandoffSnapshot,
} from './inbox-alerts.ts';
import { changesHandoffs } from './use-live.ts';
import './inbox.css';

const texts: Record<AlertKind, MessageKey> = {
  assigned: 'inbox.alert.assigned',
  message: 'inbox.alert.message',
  queued: 'inbox.alert.queued',
  sla: 'inbox.alert.sla',
};

const snapshot = (h: Handoff): HandoffSnapshot => ({
  id: h.id,
  assignedUserId: h.assignedUserId,
  contactId: h.contact.id,
});

/**
 * Listens on every page (mounted by the top bar for inbox people): a new assignment, a customer's
 * message in one of theirs, a new conversation in their queue or a missed SLA chimes, shows a
 * toast and a browser notification, and counts as unread on the navigation's badge.
 */
export function InboxAlerts({ userId }: { userId: string }) {
  const t = useT();
  const pathname = usePathname();
  const known = useRef<Map<string, HandoffSnapshot> | null>(null);
  const openRef = useRef(pathname);
  openRef.current = pathname;
  const { markUnread, keepOnly } = useInboxUnread.getState();

  const sync = async (event: StudioEvent | null) => {
    const { handoffs } = await api.listHandoffs();
    const before = known.current;
    known.current = new Map(handoffs.map((h) => [h.id, snapshot(h)]));
    keepOnly(handoffs.map((h) => h.id));
    if (!before || !event) return;
    for (const alert of alertsFor(event, before, handoffs.map(snapshot), userId)) {
      const h = handoffs.find((x) => x.id === alert.id);
      const name = h ? h.contact.name || h.contact.phone || '' : '';
      const text = t(texts[alert.kind], { name });
      // The one being read right now is not unread.
      if (!(openRef.current === `/inbox/${alert.id}` && !document.hidden)) markUnread(alert.id);
      showToast(text);
      notifyBrowser('Fluxo', text);
      chime();
    }
  };

  useEffect(() => {
    void sync(null).catch(() => undefined);
    // Once per person; `sync` reads the latest values through refs.
  }, [userId]);
  useStudioEvents(
    (event) => {
      if (changesHandoffs(event)) void sync(event).catch(() => undefined);
    },
    () => void sync(null).catch(() => undefined),
  );
  return null;
}

/** The unread count beside "Atendimento". */
export function InboxBadge() {
  const t = useT();
  const count = useInboxUnread((s) => s.unread.size);
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="inbox-badge" aria-label={t('inbox.unread', { count })}>
      {count}
    </span>
  );
}
