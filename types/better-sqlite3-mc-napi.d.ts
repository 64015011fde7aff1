// The N-API build of better-sqlite3-multiple-ciphers (installed under this alias for Electron) has
// the same API as the Node build; its package.json "exports" hide its own types, so reuse them.
declare module 'better-sqlite3-mc-napi' {
  import Driver from 'better-sqlite3-multiple-ciphers';
  export default Driver;
}
