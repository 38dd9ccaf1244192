import type { MessageTemplateView } from '../../../shared/api/message-templates.ts';
import { RichText } from '../../simulator/RichText.tsx';

/**
 * A template as the contact sees it on WhatsApp: header, body with its `{{parameters}}` shown
 * as chips, footer, and the buttons under the bubble.
 */
export function TemplatePreview({ template }: { template: MessageTemplateView }) {
  const part = (type: string) => template.components.find((c) => c.type.toUpperCase() === type);
  const header = part('HEADER');
  const body = part('BODY');
  const footer = part('FOOTER');
  const buttons = part('BUTTONS')?.buttons ?? [];
  return (
    <div className="tpl-preview" data-testid="template-preview">
      <div className="tpl-bubble">
        {header?.text ? (
          <p className="tpl-header">
            <Filled text={header.text} />
          </p>
        ) : header?.format ? (
          <p className="tpl-media">{header.format}</p>
        ) : null}
        {body?.text ? (
          <p className="tpl-body">
            <Filled text={body.text} />
          </p>
        ) : null}
        {footer?.text ? <p className="tpl-footer">{footer.text}</p> : null}
      </div>
      {buttons.length > 0 && (
        <ul className="tpl-buttons">
          {buttons.map((b, i) => (
            <li key={i} data-testid="template-button">
              {b.type === 'URL' ? '↗ ' : b.type === 'PHONE_NUMBER' ? '☎ ' : '↩ '}
              {b.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** WhatsApp formatting for the text, with each `{{parameter}}` marked as a slot to fill. */
function Filled({ text }: { text: string }) {
  const parts = text.split(/(\{\{\s*[A-Za-z0-9_]+\s*\}\})/g);
  return (
    <>
      {parts.map((p, i) =>
        /^\{\{/.test(p) ? (
          <span key={i} className="tpl-param">
            {p.replace(/\s/g, '')}
          </span>
        ) : (
          <RichText key={i} text={p} />
        ),
      )}
    </>
  );
}
