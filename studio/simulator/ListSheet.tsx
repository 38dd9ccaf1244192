import { Dialog } from '../ui/Dialog.tsx';
import type { BotMessage, Row } from './messages.ts';

interface ListSheetProps {
  message: Extract<BotMessage, { kind: 'list' }>;
  onPick(row: Row): void;
  onClose(): void;
}

/** WhatsApp opens a list as a sheet of rows grouped in sections. */
export function ListSheet({ message, onPick, onClose }: ListSheetProps) {
  return (
    <Dialog title={message.buttonLabel} onClose={onClose} size="small" className="list-sheet" testId="sim-list-sheet">
      {message.sections.map((section, i) => (
        <section key={i} className="list-section">
          {section.title ? <h3>{section.title}</h3> : null}
          <ul>
            {section.rows.map((row) => (
              <li key={row.id}>
                <button type="button" className="list-row" data-testid="sim-list-row" onClick={() => onPick(row)}>
                  <span className="list-row-title">{row.title}</span>
                  {row.description ? <span className="list-row-description">{row.description}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Dialog>
  );
}
