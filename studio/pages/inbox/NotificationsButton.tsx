import { useState } from 'react';
import { useT } from '../../i18n/index.ts';

/** Browsers ask for notification permission only from a click: offered until answered. */
export function NotificationsButton() {
  const t = useT();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported || permission !== 'default') return null;
  return (
    <button
      type="button"
      className="button small"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t('inbox.notifications.enable')}
    </button>
  );
}
