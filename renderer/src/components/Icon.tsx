/**
 * ConfBar's icons, drawn inline (no icon font, no network); decorative, so hidden from screen readers: the
 * toolbar's line icons and the settings' status marks.
 */
const PATHS = {
  gear: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8 3.5-2.1-.7a6 6 0 0 0-.6-1.4l1-2-1.7-1.7-2 1a6 6 0 0 0-1.4-.6L12.5 4h-2.4l-.7 2.1a6 6 0 0 0-1.4.6l-2-1-1.7 1.7 1 2a6 6 0 0 0-.6 1.4L3 11.5v2.4l2.1.7c.1.5.3 1 .6 1.4l-1 2 1.7 1.7 2-1c.4.3.9.5 1.4.6l.7 2.1h2.4l.7-2.1c.5-.1 1-.3 1.4-.6l2 1 1.7-1.7-1-2c.3-.4.5-.9.6-1.4l2.1-.7Z',
  help: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14m0 3v.01M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z',
  collapse: 'M4 14h6v6M20 10h-6V4M14 10l7-7M3 21l7-7',
  expand: 'M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7',
  phone: 'M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z',
  close: 'M6 6l12 12M18 6 6 18',
  plus: 'M12 5v14M5 12h14',
  // Three dots drawn as short round-capped strokes, thickened in CallMenu.css to read as dots.
  more: 'M5 12h.01M12 12h.01M19 12h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The settings' filled status marks on a 16-unit grid; each sits beside words that say the same. */
const MARKS = {
  lock: 'M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z',
  ok: 'M6.2 11.6 2.8 8.2l1.1-1.1 2.3 2.3 5.9-5.9 1.1 1.1-7 7Z',
  fail: 'M4.2 3.1 8 6.9l3.8-3.8 1.1 1.1L9.1 8l3.8 3.8-1.1 1.1L8 9.1l-3.8 3.8-1.1-1.1L6.9 8 3.1 4.2l1.1-1.1Z',
  warn: 'M8 1.5 15 14H1L8 1.5Zm-.8 4.5v4h1.6V6H7.2Zm0 5.2v1.6h1.6v-1.6H7.2Z',
} as const;

export type MarkName = keyof typeof MARKS;

export function Mark({ name }: { name: MarkName }) {
  const tone = name === 'lock' ? '' : ` st-icon-${name}`;
  return (
    <svg
      className={`st-icon${tone}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d={MARKS[name]} />
    </svg>
  );
}
