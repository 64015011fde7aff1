import { parseArgs } from 'node:util';
import type { BootRequest } from './boot';

/**
 * The options every host of the station takes, defined once: the `station` commands (commander)
 * and the desktop shell (its command line) both read them from here.
 */
export const hostOptions = {
  data: { value: '<dir>', description: 'data folder: database, keys, logs (default: the per-user app-data folder)' },
  config: { value: '<file>', description: 'configuration file (default: the per-user config.json, if any)' },
  api: { value: '<url>', description: 'central verification API (overrides the config file; ignored by an installed desktop app)' },
  'demo-officer': { value: null, description: 'sign in the demo officer "demo" at start (created if missing): for unattended demos and tests; ignored by an installed desktop app' },
} as const;

export type HostOptionName = keyof typeof hostOptions;

/** The desktop shell's command line (anything else on it, such as Chromium's own switches, is left alone). */
export function parseHostArguments(argv: readonly string[]): BootRequest {
  const options = Object.fromEntries(Object.entries(hostOptions).map(([name, option]) => [name, { type: option.value === null ? 'boolean' : 'string' }])) as Record<HostOptionName, { type: 'string' | 'boolean' }>;
  const { values } = parseArgs({ args: [...argv], options, strict: false });
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { dataDir: text(values.data), configFile: text(values.config), apiUrl: text(values.api), demoOfficer: values['demo-officer'] === true };
}
