import { PHONE_LINK_SCHEMES } from './deep-link';

export type ProtocolClientCall = { op: 'set' | 'remove'; scheme: (typeof PHONE_LINK_SCHEMES)[number] };

/**
 * Which calls ConfBar makes to the OS about tel: and callto: (app.setAsDefaultProtocolClient /
 * removeAsDefaultProtocolClient), from behaviour.phoneLinks. Only an installed app asks: a development run
 * would register the bare Electron binary. On, it asks for each scheme it does not already hold; off, it
 * gives back only what it holds (an earlier opt-in), so turning the option off returns tel: to the
 * softphone and an agent who never opted in is never touched. Links the OS delivers anyway are handled
 * either way: this decides only whether ConfBar asks.
 */
export function phoneLinkRegistration(opts: {
  packaged: boolean;
  enabled: boolean;
  isDefault: (scheme: string) => boolean;
}): ProtocolClientCall[] {
  if (!opts.packaged) return [];
  return PHONE_LINK_SCHEMES.flatMap((scheme): ProtocolClientCall[] => {
    const held = opts.isDefault(scheme);
    if (opts.enabled && !held) return [{ op: 'set', scheme }];
    if (!opts.enabled && held) return [{ op: 'remove', scheme }];
    return [];
  });
}
