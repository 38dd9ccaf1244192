import { useState } from 'react';
import { api, type Channel } from '../../api/client.ts';
import { useLocaleStore, useT, type MessageKey } from '../../i18n/index.ts';
import { errorText } from '../../ui/error-text.ts';

const qualities = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;

/**
 * Honest status: saving a channel proves nothing, so it reads "Não verificado" until a
 * connection test (or the sender) says otherwise.
 */
export function ChannelStatusPill({ channel }: { channel: Channel }) {
  const t = useT();
  const { status, error } = channel.connection;
  const [className, label]: [string, MessageKey] =
    status === 'ok'
      ? ['pill success', 'channels.healthy']
      : status === 'error'
        ? ['pill danger', 'channels.unhealthy']
        : ['pill', 'channels.unchecked'];
  return (
    <span className={className} title={error ?? undefined} data-testid="channel-status">
      {t(label)}
    </span>
  );
}

interface ChannelChecksProps {
  channel: Channel;
  /** The test stored its outcome on the channel: show the list again. */
  onTested(): void;
}

/** What Meta said at the last test (or why it refused), the webhook handshake, and "Testar conexão". */
export function ChannelChecks({ channel, onTested }: ChannelChecksProps) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [testing, setTesting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const { connection } = channel;

  const test = async () => {
    setTesting(true);
    setFailure(null);
    try {
      await api.testChannel(channel.id);
      onTested();
    } catch (err) {
      // Our own failure (signed out, server down); Meta's refusals arrive as results.
      setFailure(errorText(err, t));
    } finally {
      setTesting(false);
    }
  };

  const quality = connection.number?.qualityRating;
  return (
    <div className="channel-checks" data-testid="channel-checks">
      <div aria-live="polite">
        {connection.status === 'unchecked' ? <p className="muted small">{t('channels.uncheckedHelp')}</p> : null}
        {connection.status === 'ok' ? (
          <p className="small" data-testid="channel-test-result">
            {t('channels.test.ok')}
            {connection.checkedAt ? ` ${t('channels.checkedAt', { when: when(connection.checkedAt) })}` : ''}
          </p>
        ) : null}
        {connection.status === 'error' && connection.error ? (
          <p className="form-error small" data-testid="channel-test-result">
            {t('channels.test.failed', { message: connection.error })}
          </p>
        ) : null}
        {failure ? <p className="form-error small">{failure}</p> : null}
      </div>
      {connection.number ? (
        <dl className="facts">
          <div>
            <dt>{t('channels.metaPhone')}</dt>
            <dd>{connection.number.displayPhoneNumber ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('channels.verifiedName')}</dt>
            <dd>{connection.number.verifiedName ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('channels.quality')}</dt>
            <dd>
              {quality && (qualities as readonly string[]).includes(quality)
                ? t(`channels.quality.${quality as (typeof qualities)[number]}`)
                : (quality ?? '—')}
            </dd>
          </div>
          <div>
            <dt>{t('channels.throughputTier')}</dt>
            <dd data-testid="channel-throughput-tier">
              {channel.throughputTier === null
                ? t('channels.throughputDefault')
                : t('channels.throughputValue', { n: String(channel.throughputTier) })}
            </dd>
          </div>
          {channel.throughput !== null ? (
            <div>
              <dt>{t('channels.throughputOwn')}</dt>
              <dd data-testid="channel-throughput">
                {t('channels.throughputValue', { n: String(channel.throughput) })}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <p className="small" data-testid="channel-webhook">
        {channel.webhookVerifiedAt ? (
          <span
            className="pill success"
            title={t('channels.webhookVerifiedAt', { when: when(channel.webhookVerifiedAt) })}
          >
            {t('channels.webhookVerified')}
          </span>
        ) : (
          <span className="muted">{t('channels.webhookPending')}</span>
        )}
      </p>
      <button
        type="button"
        className="button small"
        onClick={test}
        disabled={testing}
        aria-label={t('channels.testOf', { name: channel.name })}
      >
        {testing ? t('channels.testing') : t('channels.test')}
      </button>
    </div>
  );
}
