import { isTrustedSender } from './sender';

/**
 * The only permission the page may use: writing plain text to the clipboard (the CSV "Copy" button).
 * Camera, microphone, notifications, geolocation, clipboard *reading*, HID/USB/serial, etc. are refused.
 */
const ALLOWED = new Set(['clipboard-sanitized-write']);

/** Whether a permission request or check from `requestingUrl` is granted. Pure; deny by default. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  appPage: string,
): boolean {
  return ALLOWED.has(permission) && isTrustedSender(requestingUrl, appPage);
}
