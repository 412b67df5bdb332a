import { useState } from 'react';
import type { Contact } from '../../../../shared/settings';

interface Props {
  contacts: readonly Contact[];
  disabled: boolean;
  onEdit: (c: Contact) => void;
  onDelete: (c: Contact) => void;
}

/** The directory; deleting asks once more in place, so a slip of the keyboard loses nothing. */
export function ContactList({ contacts, disabled, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (contacts.length === 0) return <p className="st-hint">No contacts yet.</p>;
  return (
    <ul className="st-contacts" aria-label="Contacts">
      {contacts.map((c) => (
        <li key={c.id} className="st-contact">
          <div className="st-contact-main">
            <span className="st-contact-label">{c.label}</span>
            <span className="st-contact-number">
              {c.number}
              {c.sip ? <span className="st-badge">SIP</span> : null}
              {c.slot !== null ? <span className="st-badge">Alt+{c.slot}</span> : null}
            </span>
          </div>
          {confirming === c.id ? (
            <div className="st-contact-actions" role="group" aria-label={`Delete ${c.label}?`}>
              <button
                type="button"
                className="st-btn st-btn-small st-btn-danger"
                onClick={() => {
                  setConfirming(null);
                  onDelete(c);
                }}
              >
                Delete {c.label}
              </button>
              <button type="button" className="st-btn st-btn-small" onClick={() => setConfirming(null)}>
                Keep
              </button>
            </div>
          ) : (
            <div className="st-contact-actions">
              <button
                type="button"
                className="st-btn st-btn-small"
                disabled={disabled}
                aria-label={`Edit ${c.label}`}
                onClick={() => onEdit(c)}
              >
                Edit
              </button>
              <button
                type="button"
                className="st-btn st-btn-small"
                disabled={disabled}
                aria-label={`Delete ${c.label}`}
                onClick={() => setConfirming(c.id)}
              >
                Delete
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
