import { useState } from 'react';
import type { Contact, SettingsView } from '../../../../shared/settings';
import { CsvExport } from '../CsvExport';
import { LockNote, Status } from '../fields';
import { invoke } from '../../api';
import { isLocked } from '../locks';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { CsvImport } from './CsvImport';
import './DirectorySection.css';

/** The contact directory: list, add/edit/delete, CSV import and export. */
export function DirectorySection({ view, adopt }: { view: SettingsView; adopt: (v: SettingsView) => void }) {
  const [editing, setEditing] = useState<Contact | null>(null);
  const [outcome, setOutcome] = useState<{ message: string; tone: 'ok' | 'error' | 'info' }>({
    message: '',
    tone: 'info',
  });
  const contacts = view.settings.directory;
  const locked = isLocked(view.locked, 'directory');

  const remove = async (c: Contact) => {
    const r = await invoke('removeContact', { id: c.id });
    if (r.ok) {
      adopt(r.value);
      if (editing?.id === c.id) setEditing(null);
      setOutcome({ message: `Deleted ${c.label}.`, tone: 'ok' });
    } else setOutcome({ message: `${r.error.message} ${r.error.remedy}`, tone: 'error' });
  };

  return (
    <section className="st-form" aria-labelledby="st-dir-h">
      <h2 id="st-dir-h" className="st-h2">
        Directory ({contacts.length})
      </h2>
      {locked ? <LockNote id="st-dir-lock" /> : null}
      <ContactList
        contacts={contacts}
        disabled={locked}
        onEdit={setEditing}
        onDelete={(c) => void remove(c)}
      />
      <Status message={outcome.message} tone={outcome.tone} />
      <ContactForm
        region={view.settings.account.region}
        contacts={contacts}
        editing={editing}
        disabled={locked}
        onDone={(v, message) => {
          if (v) adopt(v);
          setEditing(null);
          setOutcome({ message, tone: v ? 'ok' : 'info' });
        }}
      />
      <CsvImport disabled={locked} onImported={adopt} />
      <section className="st-subform" aria-labelledby="st-dir-exp-h">
        <h3 id="st-dir-exp-h" className="st-h3">
          Export CSV
        </h3>
        <CsvExport label="Export directory" run={() => invoke('exportDirectoryCsv', {})} />
      </section>
    </section>
  );
}
