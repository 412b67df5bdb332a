/** Query parameters that carry credentials in CloudAgent URLs (legacy `api_key`, manual dial `apiKey`). */
const SECRET_PARAMS = /([?&](?:api_key|apikey|token)=)[^&#]*/gi;

/** The URL with the values of `api_key`, `apiKey` and `token` replaced by `***`; everything else untouched. */
export function redactUrl(url: string | URL): string {
  return String(url).replace(SECRET_PARAMS, '$1***');
}

/**
 * Free text with every occurrence of the given secrets (as typed and as URL-encoded) replaced by `***`.
 * Empty or very short values are skipped: masking "a" everywhere would hide the message, not a secret.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.split(form).join('***');
    }
  }
  return out;
}
