import packageJson from '../../package.json' with { type: 'json' };

export const appName = packageJson.name;
export const appVersion = packageJson.version;
