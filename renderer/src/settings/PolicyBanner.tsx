import type { SettingsView } from '../../../shared/settings';
import { Mark } from '../components/Icon';

/** Says that an admin policy is in force (and from where), or why it was ignored. */
export function PolicyBanner({ view }: { view: SettingsView }) {
  if (view.policyError) {
    return (
      <p className="st-banner st-banner-warn" role="note">
        <Mark name="warn" />
        <span>The administrator policy was ignored: {view.policyError}</span>
      </p>
    );
  }
  if (view.locked.length === 0) return null;
  return (
    <p className="st-banner" role="note">
      <Mark name="lock" />
      <span>
        Some settings are set by your administrator
        {view.policySource ? <span className="st-banner-src"> ({view.policySource})</span> : null}.
      </span>
    </p>
  );
}
