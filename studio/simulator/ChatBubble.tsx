import { textOf } from '../../shared/messages/outbound.ts';
import { useT } from '../i18n/index.ts';
import type { BotMessage, Button, Row } from './messages.ts';
import { RichText } from './RichText.tsx';

interface ChatBubbleProps {
  message: BotMessage;
  disabled: boolean;
  onReply(choice: Button | Row): void;
  onOpenList(message: Extract<BotMessage, { kind: 'list' }>): void;
}

function Media({ message }: { message: Extract<BotMessage, { kind: 'media' }> }) {
  const t = useT();
  if (message.media === 'image')
    return <img className="chat-media" src={message.url} alt={message.caption ?? t('sim.image')} />;
  if (message.media === 'video') return <video className="chat-media" src={message.url} controls />;
  if (message.media === 'audio') return <audio src={message.url} controls />;
  return (
    <a className="chat-document" href={message.url} target="_blank" rel="noreferrer">
      📄 {message.filename ?? t('sim.document')}
    </a>
  );
}

/** One bot message drawn the way WhatsApp shows it; buttons and list rows answer. */
export function ChatBubble({ message, disabled, onReply, onOpenList }: ChatBubbleProps) {
  if (message.kind === 'unknown')
    return (
      <div className="bubble bot">
        <code className="small">{message.json}</code>
      </div>
    );
  if (message.kind === 'text')
    return (
      <div className="bubble bot">
        <RichText text={message.text} />
      </div>
    );
  // A Payments API order is drawn as the text the inbox keeps for it.
  if (
    message.kind === 'order_details' ||
    message.kind === 'order_status' ||
    message.kind === 'product_list' ||
    message.kind === 'product'
  )
    return (
      <div className="bubble bot">
        <RichText text={textOf(message) ?? ''} />
      </div>
    );
  // A template (campaigns, fallbacks with the window closed): its text, marked as a template, and its quick replies.
  if (message.kind === 'template') {
    const replies = (message.buttons ?? []).filter((b) => b.type === 'quick_reply');
    return (
      <div className="bubble-group">
        <div className="bubble bot template" data-testid="sim-template">
          <span className="bubble-template-tag">📋 {message.name}</span>
          <RichText text={textOf(message) ?? ''} />
        </div>
        {replies.length > 0 ? (
          <div className="bubble-buttons">
            {replies.map((b) => (
              <button
                key={b.index}
                type="button"
                className="chat-button"
                data-testid="sim-button"
                disabled={disabled}
                onClick={() => onReply({ id: b.value, title: b.title ?? b.value })}
              >
                {b.title ?? b.value}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    );
  }
  if (message.kind === 'media') {
    return (
      <div className="bubble bot media" data-testid="sim-media">
        <Media message={message} />
        {message.caption ? <RichText text={message.caption} /> : null}
      </div>
    );
  }
  if (message.kind === 'buttons') {
    return (
      <div className="bubble-group">
        <div className="bubble bot">
          {message.header?.kind === 'image' ? <img className="chat-media" src={message.header.url} alt="" /> : null}
          {message.header?.kind === 'text' ? <strong className="bubble-header">{message.header.text}</strong> : null}
          <RichText text={message.body} />
          {message.footer ? <span className="bubble-footer">{message.footer}</span> : null}
        </div>
        <div className="bubble-buttons">
          {message.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              className="chat-button"
              data-testid="sim-button"
              disabled={disabled}
              onClick={() => onReply(button)}
            >
              {button.title}
            </button>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className="bubble-group">
      <div className="bubble bot">
        {message.header ? <strong className="bubble-header">{message.header}</strong> : null}
        <RichText text={message.body} />
        {message.footer ? <span className="bubble-footer">{message.footer}</span> : null}
      </div>
      <div className="bubble-buttons">
        <button
          type="button"
          className="chat-button"
          data-testid="sim-list-open"
          disabled={disabled}
          onClick={() => onOpenList(message)}
        >
          ☰ {message.buttonLabel}
        </button>
      </div>
    </div>
  );
}
