import type { SettingsView } from '../../../shared/settings';
import { LockIcon, WarnIcon } from './icons';

/** Says that an admin policy is in force (and from where), or why it was ignored. */
export function PolicyBanner({ view }: { view: SettingsView }) {
  if (view.policyError) {
    return (
      <p className="st-banner st-banner-warn" role="note">
        <WarnIcon />
        <span>The administrator policy was ignored: {view.policyError}</span>
      </p>
    );
  }
  if (view.locked.length === 0) return null;
  return (
    <p className="st-banner" role="note">
      <LockIcon />
      <span>
        Some settings are set by your administrator
        {view.policySource ? <span className="st-banner-src"> ({view.policySource})</span> : null}.
      </span>
    </p>
  );
}
