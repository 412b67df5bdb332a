import { describe, expect, it } from 'vitest';
import { forgetSecrets } from '../../electron/core/redact';
import { findSecrets } from '../security/secrets/leak-search';
import { API_KEY, TOKEN_MARK } from '../security/secrets/secrets';
import { blurAll, launchEachTest, rowStates, selectWithKey, eventually } from './helpers';
import { liveCallWith } from './session-setup';

// The secret scan's renderer surface (the rest is tests/security/secrets): a token-mode session against a
// server that echoes the key and token in its answers, then the page's DOM and both storages are searched.
const launch = launchEachTest();

describe('secret hygiene in the renderer', () => {
  it('neither the api_key nor a token reaches the DOM, localStorage or sessionStorage', async () => {
    forgetSecrets();
    const h = await launch({
      mode: 'token',
      apiKey: API_KEY,
      sim: { tokenMark: TOKEN_MARK, echoSecrets: true },
    });
    const { page, sim } = h;
    const ucid = await liveCallWith(h, [{ number: '98111 12222', label: 'Priya Supervisor' }]);
    await blurAll(page);
    await selectWithKey(page, 1, 'Priya Supervisor');
    await page.keyboard.press('m'); // an echoed success
    await eventually(() => rowStates(page), ['muted']);
    // The party hung up on their side: the server refuses the hold, echoing the credentials in its words.
    sim.getCall(ucid)!.participants.get('09811112222')!.state = 'dropped';
    await page.keyboard.press('h'); // an echoed refusal in the server's words, shown as a toast
    await page.getByRole('alert').first().waitFor();
    await eventually(() => rowStates(page), ['muted']); // the refused hold left it as it was

    const tokens = sim.requests
      .map((r) => r.headers['authorization']?.replace(/^Bearer\s+/i, '') ?? '')
      .filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    const storage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    const secrets = [API_KEY, TOKEN_MARK, ...tokens];
    const dom = await page.content();
    expect(dom, 'the echo reached the page, masked').toContain('***');
    const findings = [...findSecrets('DOM', dom, secrets), ...findSecrets('storage', storage, secrets)];
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
});
