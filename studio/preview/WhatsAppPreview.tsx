import { useState } from 'react';
import type { MediaAttachment } from '../../shared/flow/nodes/message.ts';
import type { FlowNode } from '../../shared/flow/schema.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import { useT } from '../i18n/index.ts';
import { Icon } from '../nodes/icons.tsx';
import { TemplateText } from './TemplateText.tsx';
import './preview.css';

/** What a node sends, as WhatsApp would draw it; null for nodes that send nothing themselves. */
interface Outgoing {
  text: string;
  header?: string;
  footer?: string;
  media?: MediaAttachment | null;
  buttons?: string[];
  list?: { label: string; rows: { title: string; description?: string }[] };
}

function outgoingOf(node: FlowNode, listTitle: string): Outgoing | null {
  switch (node.type) {
    case 'message':
      return node.data.text || node.data.media ? { text: node.data.text, media: node.data.media } : null;
    case 'menu': {
      const { options } = node.data;
      const base = { text: node.data.text, header: node.data.header, footer: node.data.footer };
      // The runtime's rule: up to 3 options go as reply buttons, more as a list.
      return options.length <= whatsappLimits.replyButtons
        ? { ...base, buttons: options.map((o) => o.title) }
        : {
            ...base,
            list: {
              label: node.data.buttonLabel,
              rows: options.map((o) => ({ title: o.title, description: o.description })),
            },
          };
    }
    case 'question':
      return { text: node.data.text, buttons: node.data.kind === 'yes_no' ? ['Sim', 'Não'] : undefined };
    case 'product_picker':
      return { text: node.data.text, list: { label: 'Ver opções', rows: [{ title: listTitle }] } };
    case 'handoff':
      return node.data.message ? { text: node.data.message } : null;
    case 'schedule':
      return { text: node.data.dayText, list: { label: 'Ver dias', rows: [{ title: listTitle }] } };
    case 'wait':
    case 'end':
      return node.data.message ? { text: node.data.message } : null;
    case 'payment':
      return { text: `${node.data.message}\n\n00020101021126…6304ABCD` };
    case 'start':
    case 'condition':
    case 'set':
    case 'http':
    case 'financing':
    case 'llm':
    case 'agent':
    case 'goto':
    case 'note':
      return null;
  }
}

export function sendsMessage(node: FlowNode): boolean {
  return outgoingOf(node, '') !== null;
}

/** A phone-like chat with the selected node's message: bubble, media, reply buttons, list sheet. */
export function WhatsAppPreview({ node }: { node: FlowNode }) {
  const t = useT();
  const [sheetOpen, setSheetOpen] = useState(false);
  const out = outgoingOf(node, t('editor.preview.productList'));
  if (!out) return <p className="fx-muted">{t('editor.preview.empty')}</p>;

  return (
    <div className="wa-phone">
      <div className="wa-chat">
        <div className="wa-bubble">
          {out.media && <PreviewMedia media={out.media} />}
          {out.header && (
            <p className="wa-header">
              <TemplateText text={out.header} />
            </p>
          )}
          {out.text && (
            <p className="wa-text">
              <TemplateText text={out.text} formatted />
            </p>
          )}
          {out.media?.caption && (
            <p className="wa-text">
              <TemplateText text={out.media.caption} formatted />
            </p>
          )}
          {out.footer && (
            <p className="wa-footer">
              <TemplateText text={out.footer} />
            </p>
          )}
          <span className="wa-time">{t('editor.preview.now')}</span>
          {out.list && (
            <button
              type="button"
              className="wa-list-button"
              aria-expanded={sheetOpen}
              onClick={() => setSheetOpen(true)}
            >
              <Icon name="list" size={15} /> <TemplateText text={out.list.label} />
            </button>
          )}
        </div>
        {out.buttons && out.buttons.length > 0 && (
          <div className="wa-buttons">
            {out.buttons.map((b, i) => (
              <span key={i} className="wa-reply">
                <Icon name="reply" size={13} /> <TemplateText text={b} />
              </span>
            ))}
          </div>
        )}
      </div>
      {sheetOpen && out.list && (
        <div className="wa-sheet" role="dialog" aria-label={out.list.label}>
          <header className="wa-sheet__header">
            <button
              type="button"
              className="wa-sheet__close"
              aria-label={t('editor.preview.close')}
              onClick={() => setSheetOpen(false)}
            >
              <Icon name="close" size={16} />
            </button>
            <span>
              <TemplateText text={out.list.label} />
            </span>
          </header>
          <ul className="wa-sheet__rows">
            {out.list.rows.map((row, i) => (
              <li key={i}>
                <span className="wa-sheet__text">
                  <span className="wa-sheet__title">
                    <TemplateText text={row.title} />
                  </span>
                  {row.description && (
                    <span className="wa-sheet__desc">
                      <TemplateText text={row.description} />
                    </span>
                  )}
                </span>
                <span className="wa-radio" aria-hidden />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PreviewMedia({ media }: { media: MediaAttachment }) {
  const t = useT();
  const loadable = /^https?:\/\/[^{}\s]+$/.test(media.url);
  if (media.kind === 'image') {
    return loadable ? (
      <img className="wa-image" src={media.url} alt="" />
    ) : (
      <div className="wa-image wa-image--placeholder">
        <Icon name="image" size={32} />
      </div>
    );
  }
  if (media.kind === 'video')
    return (
      <div className="wa-image wa-image--placeholder">
        <Icon name="play" size={32} />
        <span>{t('editor.preview.video')}</span>
      </div>
    );
  if (media.kind === 'audio') {
    return (
      <div className="wa-audio">
        <Icon name="play" size={16} />
        <span className="wa-audio__wave" />
        <Icon name="mic" size={16} />
      </div>
    );
  }
  return (
    <div className="wa-doc">
      <Icon name="file" size={22} />
      <span>{media.filename || t('editor.preview.document')}</span>
    </div>
  );
}
