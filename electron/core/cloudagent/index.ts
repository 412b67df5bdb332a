/** The CloudAgent client's public API. */
export * from './types';
export { createCloudAgentClient, DEFAULT_TIMEOUT_MS, type CloudAgentDeps } from './client';
export { createStaticSecrets } from './static-secrets';
export { checkConfig } from './config';
export { resolveBaseUrl, isLoopbackHost, REGION_BASE_URLS } from './hosts';
export { SERVER_MESSAGES, ruleForMessage, errorFromServer } from './errors';
export { CALL_CONTROL_MESSAGES, validateCallControl } from './call-control';
export { decodeBody, readOutcome, expectSuccess, isSuccessStatus, SUCCESS_STATUSES } from './parse';
export {
  createTokenManager,
  TOKEN_BUDGET,
  TOKEN_LIFETIME_MS,
  TOKEN_REFRESH_MARGIN_MS,
  type TokenManager,
  type TokenManagerOptions,
} from './token-manager';
