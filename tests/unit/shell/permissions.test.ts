import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL } from '../../../electron/shell/app-page';
import { isPermissionAllowed } from '../../../electron/shell/permissions';

describe('isPermissionAllowed', () => {
  it('allows only clipboard writes, and only from the app page or its origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_PAGE_URL, APP_PAGE_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://confbar', APP_PAGE_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/', APP_PAGE_URL)).toBe(
      false,
    );
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, APP_PAGE_URL)).toBe(false);
  });

  it.each([
    'media',
    'clipboard-read',
    'notifications',
    'geolocation',
    'openExternal',
    'hid',
    'usb',
    'serial',
    'unknown',
  ])('refuses %s even to the app page', (permission) => {
    expect(isPermissionAllowed(permission, APP_PAGE_URL, APP_PAGE_URL)).toBe(false);
  });
});
