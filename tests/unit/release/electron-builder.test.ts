import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;

function validator() {
  // electron-builder's own schema uses a few non-standard keywords (descriptions in markdown etc.).
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  return ajv.compile(schema);
}

let config: Configuration;
beforeAll(async () => {
  // Read the way electron-builder reads it (electron-builder.yml, merged with package.json).
  config = await getConfig(ROOT, null, null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail (a misspelt option is an error)', () => {
    const validate = validator();
    expect(validate({ ...config, forceCodeSignin: true })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, target: 42 } })).toBe(false);
  });

  it('refuses to build unsigned, and names the Windows publisher so updates verify the signer', () => {
    expect(config.forceCodeSigning).toBe(true);
    expect(config.win?.signtoolOptions?.publisherName).toEqual(expect.any(String));
    expect(config.win?.verifyUpdateCodeSignature).not.toBe(false);
  });

  it('builds a dmg for people and a zip for electron-updater on macOS, notarised, hardened', () => {
    expect(config.mac?.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
  });

  it('reads the update feed from the environment at build time, not a placeholder', () => {
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    expect(publish.url).toMatch(/^\$\{env\.CONFBAR_UPDATE_URL\}/);
    expect(JSON.stringify(config)).not.toMatch(/example\.invalid\/confbar|PLACEHOLDER/i);
  });

  it('makes the deb depend on libsecret (the keychain) and every installer register confbar://', () => {
    expect((config.deb as { depends: string[] }).depends).toContain('libsecret-1-0');
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((p) => p.schemes)).toContain('confbar');
    const nsh = readFileSync(join(ROOT, String(config.nsis?.include)), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*Software\\Classes\\confbar[\s\S]*URL Protocol/);
    expect(nsh).toMatch(
      /!macro customUnInstall[\s\S]*DeleteRegKey SHELL_CONTEXT "Software\\Classes\\confbar"/,
    );
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('declares tel: and callto: on every OS without taking them (Windows: URL associations for Default apps)', () => {
    const protocols = [config.protocols ?? []].flat();
    const phone = protocols.find((p) => p.schemes.includes('tel'));
    expect(phone?.schemes).toEqual(['tel', 'callto']);
    const nsh = readFileSync(join(ROOT, String(config.nsis?.include)), 'utf8');
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(nsh)?.[1] ?? '';
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(nsh)?.[1] ?? '';
    for (const scheme of ['tel', 'callto'])
      expect(install).toContain(
        `"Software\\ConfBar\\Capabilities\\URLAssociations" "${scheme}" "ConfBar.PhoneLink"`,
      );
    expect(install).toContain(
      '"Software\\RegisteredApplications" "ConfBar" "Software\\ConfBar\\Capabilities"',
    );
    expect(install).toMatch(
      /ConfBar\.PhoneLink\\shell\\open\\command" "" '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" "%1"'/,
    );
    // Declared, not taken: the installer never writes Software\Classes\tel (which would take it over).
    expect(nsh).not.toMatch(/Software\\Classes\\(tel|callto)\b/);
    expect(uninstall).toContain('DeleteRegKey SHELL_CONTEXT "Software\\Classes\\ConfBar.PhoneLink"');
    expect(uninstall).toContain('DeleteRegValue SHELL_CONTEXT "Software\\RegisteredApplications" "ConfBar"');
  });

  it('the Linux .desktop file electron-builder writes from it claims x-scheme-handler/tel and /callto', async () => {
    // electron-builder's own desktop-entry code, fed this configuration (only the fields it reads).
    const { LinuxTargetHelper } = await import('app-builder-lib/out/targets/LinuxTargetHelper.js');
    const packager = {
      config,
      platformSpecificBuildOptions: config.linux ?? {},
      fileAssociations: [],
      executableName: 'confbar',
      appInfo: { productName: 'ConfBar', sanitizedProductName: 'ConfBar', description: '' },
      info: { metadata: { desktopName: 'confbar.desktop' } },
    };
    const entry = await new LinuxTargetHelper(packager as never).computeDesktopEntry(config.linux ?? {});
    const mime = /^MimeType=(.*)$/m.exec(entry)?.[1]?.split(';') ?? [];
    expect(mime).toEqual(
      expect.arrayContaining(['x-scheme-handler/confbar', 'x-scheme-handler/tel', 'x-scheme-handler/callto']),
    );
    expect(entry).toMatch(/^Exec=.* %U$/m);
  });
});
