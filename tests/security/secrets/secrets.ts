/**
 * The secrets the scan plants. The key holds characters every encoding spells differently (`+`, `/`, `=`,
 * `!`; no space: ConfBar refuses a key with one), so raw, percent-, form- and base64-encoded spellings are all distinct searches.
 */
export const API_KEY = 'LeakProbe+Key/7=ZxQ9!';
/** Begins the signature of every token the simulator issues in the scan. */
export const TOKEN_MARK = 'LEAKPROBEtoken';
