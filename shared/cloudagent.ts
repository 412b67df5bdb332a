/**
 * CloudAgent's vocabulary: the words the client, the settings schema and the simulator (the suite's idea
 * of CloudAgent) must agree on. It lives in shared/ so the simulator needs nothing from the core.
 */

/** The six call-control actions CloudAgent documents for a conference. */
export const ACTIONS = ['CONFERENCE', 'HOLD', 'UNHOLD', 'MUTE', 'UNMUTE', 'KICK_CALL'] as const;
export type Action = (typeof ACTIONS)[number];

/** Which endpoint and authentication the client uses: the legacy GET, basic auth, or a generated token. */
export const API_MODES = ['legacy', 'basic', 'token'] as const;
export type ApiMode = (typeof API_MODES)[number];

/** Legacy endpoint only: the body format to ask for. */
export const OUTPUT_FORMATS = ['json', 'xml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
