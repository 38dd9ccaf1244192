import { useEffect, useRef, useState } from 'react';
import { presenceStatuses, type PresenceStatus } from '../../../shared/api/teams.ts';
import { teamsApi, type Presence } from '../../api/teams.ts';
import { useT } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';
import { showToast } from '../../ui/toast.tsx';

/** While online, a sign of life this often if the person moved, typed or clicked since the last one. */
export const heartbeatMs = 60_000;

/**
 * The caller's presence (online / away / offline) and capacity. Routing gives conversations only
 * to online people; the server turns them away after 10 minutes without a heartbeat, which this
 * sends while the person is actually using the studio.
 */
export function PresenceControl() {
  const t = useT();
  const [presence, setPresence] = useState<Presence | null>(null);
  const active = useRef(false);

  useEffect(() => {
    void teamsApi
      .getPresence()
      .then((r) => setPresence(r.presence))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const mark = () => {
      active.current = true;
    };
    const events = ['pointerdown', 'keydown', 'pointermove'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = setInterval(() => {
      if (presence?.status !== 'online' || !active.current) return;
      active.current = false;
      void teamsApi.setPresence({ status: 'online' }).catch(() => undefined);
    }, heartbeatMs);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      clearInterval(timer);
    };
  }, [presence?.status]);

  const change = async (body: { status: PresenceStatus; capacity?: number }) => {
    try {
      setPresence((await teamsApi.setPresence(body)).presence);
    } catch (err) {
      showToast(errorText(err, t), 'error');
    }
  };

  if (!presence) return null;
  return (
    <div className="presence-control">
      <span className={`presence-dot presence-${presence.status}`} aria-hidden="true" />
      <select
        aria-label={t('presence.label')}
        className="fx-input fx-select"
        data-testid="presence"
        value={presence.status}
        onChange={(e) => void change({ status: e.target.value as PresenceStatus })}
      >
        {presenceStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`presence.${s}`)}
          </option>
        ))}
      </select>
      <label className="presence-capacity">
        <span className="muted small">{t('presence.capacity')}</span>
        <input
          className="fx-input"
          type="number"
          min={1}
          max={50}
          value={presence.capacity}
          onChange={(e) => {
            const capacity = Number(e.target.value);
            if (Number.isInteger(capacity) && capacity >= 1 && capacity <= 50)
              void change({ status: presence.status, capacity });
          }}
        />
      </label>
    </div>
  );
}
