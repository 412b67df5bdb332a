/** How the paste shortcut is written on this platform, for hints. */
export const PASTE_KEYS = /Mac/i.test(navigator.platform) ? '⌘V' : 'Ctrl+V';
