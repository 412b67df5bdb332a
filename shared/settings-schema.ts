import { z } from 'zod';
import { CALL_LIMIT_MAX_S, CALL_LIMIT_MIN_S } from './phone-line';
import {
  DEFAULT_GLOBAL_SHORTCUTS,
  DEFAULT_WINDOW_SHORTCUTS,
  GLOBAL_COMMANDS,
  SETTINGS_VERSION,
  WINDOW_COMMANDS,
  type SettingsPatch,
} from './settings';
import { caFilePathProblem, noProxyProblem, proxySettingProblem } from './network-settings';

/**
 * The zod schemas that validate settings in main (the store, policy, repair, the IPC contract). The types
 * and defaults both sides use are in settings.ts, which must stay free of zod at run time.
 */

export const ContactSchema = z.object({
  id: z.string(),
  label: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(80),
  sip: z.boolean().default(false),
  slot: z.number().int().min(1).max(9).nullable().default(null),
});

export const RecentNumberSchema = z.object({
  number: z.string(),
  label: z.string().optional(),
  sip: z.boolean(),
  at: z.number(),
});

// Field schemas without defaults: the settings schema adds defaults, the patch schema makes them optional
// (zod 4 applies an inner default even under .optional(), which would turn `{}` into a full reset).
const accountFields = {
  region: z.enum(['in', 'intl']),
  /** Custom base URL (partners); null = the region's host. */
  baseUrl: z.url({ protocol: /^https?$/ }).nullable(),
  mode: z.enum(['legacy', 'basic', 'token']),
  /** Token mode: `Authorization: Bearer <token>` or the bare token (the account decides which it reads). */
  tokenForm: z.enum(['bearer', 'raw']),
  userName: z.string().max(100),
  did: z.string().max(30),
  agentPhoneName: z.string().max(100),
  agentNumber: z.string().max(30),
  output: z.enum(['json', 'xml']),
  timeoutMs: z.number().int().min(1000).max(60000),
  /** Advanced: which number KICK_CALL sends. */
  kickNumber: z.enum(['agent', 'participant']),
  /** For Phone Manual Dial (optional). */
  campaignName: z.string().max(100),
  /** Phone Manual Dial's checkStatus: never ring an agent who is already on a call. */
  checkStatus: z.boolean(),
  /** Phone Manual Dial's callLimit (maximum talk time, seconds); null = CloudAgent's default. Policy may set it. */
  callLimit: z.number().int().min(CALL_LIMIT_MIN_S).max(CALL_LIMIT_MAX_S).nullable(),
};

const behaviourFields = {
  alwaysOnTop: z.boolean(),
  launchAtLogin: z.boolean(),
  clipboardOffer: z.boolean(),
  confirmBeforeDrop: z.boolean(),
  confirmBeforeEnd: z.boolean(),
  miniMode: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** A desktop notification when an action fails while the toolbar is hidden or minimised. */
  notifyFailures: z.boolean(),
  /** Ask the OS to open tel: and callto: links in ConfBar (a link the OS delivers is handled either way). */
  phoneLinks: z.boolean(),
};

const demoFields = { enabled: z.boolean(), firstRunDone: z.boolean() };

/** A string checked by one of network-settings.ts's rules, whose words become the issue's message. */
const checkedString = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });

/** Settings → Network: how CloudAgent is reached and what is trusted (rules in network-settings.ts). */
const networkFields = {
  /** 'system' (OS settings / PAC / WPAD), 'none' (direct) or an http(s) proxy URL without credentials. */
  proxy: checkedString(proxySettingProblem),
  /** Hosts that go direct, as NO_PROXY is written. */
  noProxy: checkedString(noProxyProblem),
  /** '' or the absolute path of a PEM file with the company's CA (TLS inspection). */
  extraCaFile: checkedString(caFilePathProblem),
};

const WindowBoundsSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(200),
    height: z.number().int().min(40),
  })
  .nullable();

const DirectorySchema = z
  .array(ContactSchema)
  .max(500)
  .superRefine((contacts, ctx) => {
    const ids = new Set<string>();
    const slots = new Map<number, string>();
    contacts.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate contact id "${c.id}"` });
      ids.add(c.id);
      if (c.slot === null) return;
      const holder = slots.get(c.slot);
      if (holder !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'slot'],
          message: `speed-dial ${c.slot} is already ${holder}`,
        });
      } else slots.set(c.slot, c.label);
    });
  });

/**
 * Sections get defaults (prefault runs the inner defaults) so an older or partial store still parses;
 * the output type is exactly the documented shape.
 */
export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  account: z
    .object({
      region: accountFields.region.default('in'),
      baseUrl: accountFields.baseUrl.default(null),
      mode: accountFields.mode.default('token'),
      tokenForm: accountFields.tokenForm.default('bearer'),
      userName: accountFields.userName.default(''),
      did: accountFields.did.default(''),
      agentPhoneName: accountFields.agentPhoneName.default(''),
      agentNumber: accountFields.agentNumber.default(''),
      output: accountFields.output.default('json'),
      timeoutMs: accountFields.timeoutMs.default(8000),
      kickNumber: accountFields.kickNumber.default('agent'),
      campaignName: accountFields.campaignName.default(''),
      checkStatus: accountFields.checkStatus.default(true),
      callLimit: accountFields.callLimit.default(null),
    })
    .prefault({}),
  behaviour: z
    .object({
      alwaysOnTop: behaviourFields.alwaysOnTop.default(true),
      launchAtLogin: behaviourFields.launchAtLogin.default(false),
      clipboardOffer: behaviourFields.clipboardOffer.default(true),
      confirmBeforeDrop: behaviourFields.confirmBeforeDrop.default(true),
      confirmBeforeEnd: behaviourFields.confirmBeforeEnd.default(true),
      miniMode: behaviourFields.miniMode.default(false),
      theme: behaviourFields.theme.default('system'),
      notifyFailures: behaviourFields.notifyFailures.default(true),
      phoneLinks: behaviourFields.phoneLinks.default(false),
    })
    .prefault({}),
  demo: z
    .object({
      enabled: demoFields.enabled.default(false),
      firstRunDone: demoFields.firstRunDone.default(false),
    })
    .prefault({}),
  shortcuts: z
    .object({
      /** Electron accelerators, e.g. 'CommandOrControl+Alt+M'; null = off. */
      global: z.record(z.enum(GLOBAL_COMMANDS), z.string().nullable()),
      /** KeyboardEvent.key with modifiers: 'n', 'Shift+?', 'Escape', 'Ctrl+k'. */
      window: z.record(z.enum(WINDOW_COMMANDS), z.string()),
    })
    .default({ global: DEFAULT_GLOBAL_SHORTCUTS, window: DEFAULT_WINDOW_SHORTCUTS }),
  /** Speed-dial slots and ids are unique. */
  directory: DirectorySchema.default([]),
  /** Most recent first, unique by number. */
  recent: z.array(RecentNumberSchema).max(20).default([]),
  window: WindowBoundsSchema.default(null),
  network: z
    .object({
      proxy: networkFields.proxy.default('system'),
      noProxy: networkFields.noProxy.default(''),
      extraCaFile: networkFields.extraCaFile.default(''),
    })
    .prefault({}),
});

function optionalAll<T extends Record<string, z.ZodType>>(
  fields: T,
): { [K in keyof T]: z.ZodOptional<T[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v.optional();
  return out as { [K in keyof T]: z.ZodOptional<T[K]> };
}

/** Strict at every level, so a typo (or an `apiKey`) is an error rather than silently ignored. */
export const SettingsPatchSchema: z.ZodType<SettingsPatch, SettingsPatch> = z.strictObject({
  account: z.strictObject(optionalAll(accountFields)).optional(),
  behaviour: z.strictObject(optionalAll(behaviourFields)).optional(),
  demo: z.strictObject(optionalAll(demoFields)).optional(),
  shortcuts: z
    .strictObject({
      global: z.partialRecord(z.enum(GLOBAL_COMMANDS), z.string().nullable()).optional(),
      window: z.partialRecord(z.enum(WINDOW_COMMANDS), z.string()).optional(),
    })
    .optional(),
  window: WindowBoundsSchema.optional(),
  network: z.strictObject(optionalAll(networkFields)).optional(),
});
