import { AppError } from '../../../shared/errors';

/** Where secrets live, in the words each OS uses, for "Stored in the …". */
export function describeKeychain(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'GNOME Keyring / Secret Service';
}

function remedyFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') {
    return 'Open Keychain Access, unlock the login keychain (File → Unlock Keychain), then try again.';
  }
  if (platform === 'win32') {
    return 'Make sure the Credential Manager service is running (services.msc → Credential Manager), then try again.';
  }
  return (
    'Install and unlock a Secret Service: gnome-keyring (apt install gnome-keyring libsecret-1-0) or KeePassXC ' +
    'with Secret Service integration enabled, in a desktop session with D-Bus. ConfBar never stores the key in a file.'
  );
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 197)}...` : s);

/**
 * The one error for "the OS keychain cannot be used right now" (no Secret Service, no D-Bus session,
 * keyring locked, native module missing). `detail` is the keychain library's own reason: it names a
 * D-Bus path or an OS status, never a secret.
 */
export function keychainUnavailable(detail: string, platform: NodeJS.Platform = process.platform): AppError {
  return new AppError(
    'KeychainUnavailable',
    `The ${describeKeychain(platform)} is not available or is locked (${clip(detail.trim() || 'no reason given')}).`,
    remedyFor(platform),
  );
}
