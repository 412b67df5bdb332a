import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { networkFingerprint, watchNetwork, type Interfaces } from '../../../electron/shell/network-change';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});

const home: Interfaces = { lo: [v4('127.0.0.1', true)], wlan0: [v4('192.168.1.20')] };

describe('networkFingerprint', () => {
  it('ignores loopback and the order of interfaces and addresses', () => {
    const reordered: Interfaces = { wlan0: [v4('192.168.1.20')], lo: [v4('127.0.0.1', true)] };
    expect(networkFingerprint(reordered)).toBe(networkFingerprint(home));
    expect(networkFingerprint({ ...home, lo: [v4('127.0.0.2', true)] })).toBe(networkFingerprint(home));
  });

  it('changes with a new address, a VPN coming up, or the Wi-Fi going away', () => {
    const base = networkFingerprint(home);
    expect(networkFingerprint({ ...home, wlan0: [v4('10.1.2.3')] })).not.toBe(base);
    expect(networkFingerprint({ ...home, tun0: [v4('10.8.0.2')] })).not.toBe(base);
    expect(networkFingerprint({ lo: home.lo })).not.toBe(base);
  });
});

describe('watchNetwork', () => {
  function harness() {
    let current: Interfaces = home;
    let tick: () => void = () => undefined;
    let cleared = false;
    let changes = 0;
    const watch = watchNetwork({
      read: () => current,
      onChange: () => (changes += 1),
      setInterval: (fn) => {
        tick = fn;
        return {};
      },
      clearInterval: () => (cleared = true),
    });
    return {
      watch,
      set: (i: Interfaces) => (current = i),
      tick: () => tick(),
      changes: () => changes,
      cleared: () => cleared,
    };
  }

  it('reports a change once, on the periodic look or on an explicit check (resume)', () => {
    const h = harness();
    h.tick();
    expect(h.changes()).toBe(0);
    h.set({ ...home, wlan0: [v4('10.0.0.9')] });
    h.tick();
    h.tick();
    expect(h.changes()).toBe(1);
    h.set(home);
    expect(h.watch.check()).toBe(true);
    expect(h.watch.check()).toBe(false);
    expect(h.changes()).toBe(2);
    h.watch.dispose();
    expect(h.cleared()).toBe(true);
  });

  it('gives no verdict when the interfaces cannot be read', () => {
    const h = harness();
    h.set(
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('EPERM');
          },
        },
      ) as Interfaces,
    );
    expect(h.watch.check()).toBe(false);
    expect(h.changes()).toBe(0);
  });
});
