import type { Settings } from '../../../../shared/settings';
import type { Choice } from '../fields';

type Account = Settings['account'];

export const REGION_CHOICES: ReadonlyArray<Choice<Account['region']>> = [
  { value: 'in', label: 'India', description: 'in1-ccaas-api.ozonetel.com · numbers as 0 + 10 digits' },
  { value: 'intl', label: 'International', description: 'api.ccaas.ozonetel.com · numbers as +country code' },
];

export const MODE_CHOICES: ReadonlyArray<Choice<Account['mode']>> = [
  {
    value: 'token',
    label: 'Token',
    description: 'For TOKEN_AUTH accounts: the key fetches an hourly token used for every request.',
  },
  {
    value: 'basic',
    label: 'Basic',
    description: 'For BASIC_AUTH accounts: the key is sent in a header with every request.',
  },
  {
    value: 'legacy',
    label: 'Legacy',
    description: 'The old callcontrol_v4.php endpoint, key in the URL. Deprecated by Ozonetel.',
  },
];

export const TOKEN_FORM_CHOICES: ReadonlyArray<Choice<Account['tokenForm']>> = [
  {
    value: 'bearer',
    label: 'Bearer',
    description: 'Authorization: Bearer <token> (what most clients send).',
  },
  {
    value: 'raw',
    label: 'Raw',
    description:
      'Authorization: <token>. Choose it when Test connection says CloudAgent did not read the token.',
  },
];

export const OUTPUT_CHOICES: ReadonlyArray<Choice<Account['output']>> = [
  { value: 'json', label: 'JSON' },
  { value: 'xml', label: 'XML' },
];

export const KICK_CHOICES: ReadonlyArray<Choice<Account['kickNumber']>> = [
  { value: 'agent', label: "Agent's number", description: 'What the CloudAgent documentation prescribes.' },
  {
    value: 'participant',
    label: "Participant's number",
    description: 'Only if your account drops the wrong leg with the documented setting.',
  },
];
