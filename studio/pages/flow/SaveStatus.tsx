import { useT, type MessageKey } from '../../i18n/index.ts';
import type { SaveStatus as Status } from './draft-saver.ts';

const labels: Record<Status, MessageKey> = {
  saved: 'flow.save.saved',
  pending: 'flow.save.pending',
  saving: 'flow.save.saving',
  error: 'flow.save.error',
  conflict: 'flow.save.conflict',
};

export function SaveStatus({ status, onRetry }: { status: Status; onRetry(): void }) {
  const t = useT();
  return (
    <span
      className={`save-status ${status}`}
      data-testid="save-status"
      data-status={status}
      role="status"
      aria-live="polite"
    >
      <span className="dot" aria-hidden="true" />
      {t(labels[status])}
      {status === 'error' ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </span>
  );
}
