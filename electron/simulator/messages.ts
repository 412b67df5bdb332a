/**
 * Server wording, as CloudAgent's reference documents it. Entries marked "inferred" are not documented;
 * they are our best guess and kept here so one edit changes them everywhere.
 */
export const MSG = {
  callNotFound: 'Call not Found',
  invalidConferenceNumber: 'Please pass valid Conference number',
  invalidAction: 'Invalid action', // inferred
  dialing: 'dialing',
  invalidUser: 'Invalid User Details',
  apiKeyMissing: 'Api Key Should Not be Null or Empty.',
  tokenMissing: 'Token Should Not be Null or Empty.',
  invalidToken: 'Invalid Token',
  tokenExpired: 'Token Expired',
  invalidBody: 'Invalid request body', // inferred
  userNameNull: 'UserName is null',
  badUserOrKey: 'Invalid userName or apiKey',
  tokenLimit: 'Token generation limit exceeded', // inferred
  authFailed: 'Authentication failed.',
  phoneNotFound: 'Phone name not found.',
  campaignNotOffline: 'campaign IS NOT offline',
  invalidCustomer: 'Invalid customer number', // inferred
  onlineAgent: 'Online agent logged in with same phone number',
  userNameMissing: 'Username Should Not be Null or Empty.',
  missingUserOrKey: 'Missing userName or apiKey',
  // Phone Manual Dial with checkStatus=true while the agent's phone is busy or still mapped: the reference
  // says the call "won't be initiated" but not in which words.
  agentBusy: 'Agent is busy on another call', // inferred
  invalidCallLimit: 'Invalid callLimit', // inferred
  // Release Agent's Phone Number, as its three reference pages list them.
  releaseBadCredentials: 'userName or apiKey not valid',
  releaseNoUserName: 'userName cannot be empty',
  releaseNoApiKey: 'apiKey cannot be empty',
  releaseNoPhoneName: 'phoneName cannot be empty', // inferred
} as const;

/** Success message per action (CONFERENCE answers `dialing`). */
export const ACTION_SUCCESS = {
  CONFERENCE: MSG.dialing,
  HOLD: 'User hold is successful',
  UNHOLD: 'Call is Un-hold successfully',
  MUTE: 'call got mute successfully',
  UNMUTE: 'unmute success',
  KICK_CALL: 'call got disconnected',
} as const;
