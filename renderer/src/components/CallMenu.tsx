import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { runCommand } from '../commands/commands';
import { requestRelease } from '../commands/phone-line-actions';
import { Icon } from './Icon';
import './CallMenu.css';

interface Item {
  label: string;
  run: () => void;
}

/**
 * The call's menu (the ⋯ button): actions about the agent's own line that are not worth a key of their
 * own. A WAI-ARIA menu button: Enter, Space or ↓ open it on the first item, ↑ on the last; ↑ ↓ Home End
 * move; Esc closes it and returns to the button; Tab closes it.
 */
export function CallMenu({ showStart }: { showStart: boolean }) {
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const items: Item[] = [
    ...(showStart ? [{ label: 'Start a call', run: () => runCommand('startCall') }] : []),
    { label: 'Release my phone…', run: requestRelease },
  ];

  useEffect(() => {
    if (!open) return;
    const all = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    (open === 'first' ? all?.[0] : all?.[all.length - 1])?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'Tab') {
      setOpen(null);
      return;
    }
    const moves: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at - 1),
      Home: () => go(0),
      End: () => go(all.length - 1),
      Escape: () => close(true),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    e.stopPropagation();
    move();
  };

  return (
    <div
      className="call-menu"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(null);
      }}
    >
      <button
        ref={button}
        type="button"
        className="icon-btn"
        aria-label="Call menu"
        title="Call menu"
        aria-haspopup="menu"
        aria-expanded={open ? true : false}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        <Icon name="more" />
      </button>
      {open ? (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label="Call menu"
          className="call-menu-list"
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="call-menu-item"
              onClick={() => {
                setOpen(null);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
