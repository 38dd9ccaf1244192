import { useEffect, useRef } from 'react';
import { studioEventTypes, type StudioEvent } from '../../shared/api/events.ts';

const known: readonly string[] = studioEventTypes;

/** An event as the server sent it, or null for anything else (another version's event). */
export function parseStudioEvent(data: string): StudioEvent | null {
  try {
    const value = JSON.parse(data) as Partial<StudioEvent>;
    return typeof value.type === 'string' && known.includes(value.type) ? (value as StudioEvent) : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onEvent` for each event of `GET /api/events` while the component is mounted. Pages
 * refetch what an event names (events carry ids, not data). The browser reconnects on its own
 * after a network drop or a server restart; `onOpen` runs on every (re)connection, since events
 * sent while disconnected are lost and the page should catch up then.
 */
export function useStudioEvents(onEvent: (event: StudioEvent) => void, onOpen?: () => void): void {
  const handlers = useRef({ onEvent, onOpen });
  handlers.current = { onEvent, onOpen };
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let opened = false;
    source.addEventListener('ready', () => {
      // The first "ready" is the page's own load; later ones are reconnections.
      if (opened) handlers.current.onOpen?.();
      opened = true;
    });
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseStudioEvent(message.data);
      if (event) handlers.current.onEvent(event);
    };
    return () => source.close();
  }, []);
}
