import envPaths from 'env-paths';

/** The per-user folders of the OS (XDG on Linux, %APPDATA% on Windows). */
const userPaths = envPaths('checkpoint-station', { suffix: '' });

export const defaultDataDir = userPaths.data;
export const defaultConfigFile = `${userPaths.config}/config.json`;
