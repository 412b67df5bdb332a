import type { SecretSource, TokenCache } from './types';

/**
 * A SecretSource holding a fixed api_key and an in-memory token cache. For tests, for a key taken from an
 * environment variable, and for demo mode against the simulator. Nothing is persisted: successive
 * processes do not share its token or budget (the keychain vault does that in the real app).
 * Pass the same instance to several clients to make them share one token and one budget.
 */
export function createStaticSecrets(
  apiKey: string | null,
  initialToken: TokenCache | null = null,
): SecretSource {
  let cache: TokenCache | null = initialToken ? copy(initialToken) : null;
  return {
    getApiKey: async () => apiKey,
    getToken: async () => (cache ? copy(cache) : null),
    setToken: async (next) => {
      cache = copy(next);
    },
    deleteToken: async () => {
      cache = null;
    },
  };
}

// Copies in and out, as a real keychain would: callers must not share mutable state through it.
function copy(c: TokenCache): TokenCache {
  return { token: c.token, expiresAt: c.expiresAt, generations: [...c.generations] };
}
