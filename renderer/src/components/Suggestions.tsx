import type { Suggestion } from '../lib/suggest';

/** The add field's listbox: directory matches (with their speed-dial slot) and recent numbers. */
export function Suggestions(props: {
  id: string;
  options: Suggestion[];
  active: number;
  onPick: (i: number) => void;
}) {
  return (
    <ul id={props.id} role="listbox" className="suggestions" aria-label="Directory and recent numbers">
      {props.options.map((o, i) => (
        <li
          key={o.key}
          id={`sugg-${o.key}`}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'active' : undefined}
          // mousedown, not click: the field keeps focus (its blur would close the list first).
          onMouseDown={(e) => {
            e.preventDefault();
            props.onPick(i);
          }}
        >
          <span className="s-label">{o.label}</span>
          <span className="s-number">
            {o.number}
            {o.sip ? ' · SIP' : ''}
          </span>
          <span className="s-meta">{o.slot ? `Alt+${o.slot}` : o.source === 'recent' ? 'recent' : ''}</span>
        </li>
      ))}
    </ul>
  );
}
