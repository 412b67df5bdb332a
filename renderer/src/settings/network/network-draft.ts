import type { Settings } from '../../../../shared/settings';
import { caFilePathProblem, noProxyProblem, proxySettingProblem } from '../../../../shared/network-settings';

/** The Network form as the agent edits it: the proxy choice and its URL kept apart, so a URL survives a switch. */
export interface NetworkDraft {
  mode: 'system' | 'none' | 'url';
  url: string;
  noProxy: string;
  extraCaFile: string;
}

export function toNetworkDraft(n: Settings['network']): NetworkDraft {
  const mode = n.proxy === 'system' || n.proxy === 'none' ? n.proxy : 'url';
  return { mode, url: mode === 'url' ? n.proxy : '', noProxy: n.noProxy, extraCaFile: n.extraCaFile };
}

export function draftToNetwork(d: NetworkDraft): Settings['network'] {
  return {
    proxy: d.mode === 'url' ? d.url.trim() : d.mode,
    noProxy: d.noProxy.trim(),
    extraCaFile: d.extraCaFile.trim(),
  };
}

/** The same rules main applies, so the agent sees what is wrong before anything is sent. */
export function networkDraftErrors(
  d: NetworkDraft,
): Partial<Record<'proxy' | 'noProxy' | 'extraCaFile', string>> {
  const n = draftToNetwork(d);
  const errors: Partial<Record<'proxy' | 'noProxy' | 'extraCaFile', string>> = {};
  const sentence = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}.`;
  const proxy = d.mode === 'url' ? proxySettingProblem(n.proxy) : null;
  if (proxy) errors.proxy = sentence(proxy);
  const noProxy = noProxyProblem(n.noProxy);
  if (noProxy) errors.noProxy = sentence(noProxy);
  const ca = caFilePathProblem(n.extraCaFile);
  if (ca) errors.extraCaFile = sentence(ca);
  return errors;
}

/** `host:port` of a proxy URL setting (the login's keychain entry), or '' when there is none. */
export function proxyHostPort(proxy: string): string {
  if (proxy === 'system' || proxy === 'none') return '';
  try {
    const url = new URL(proxy);
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return '';
  }
}
