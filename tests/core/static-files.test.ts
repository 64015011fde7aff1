import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile, resolveStaticPath } from '../../electron/core/bridge/static-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('static files of the built renderer', () => {
  it('serves files inside the root and index.html for app routes', () => {
    expect(resolveStaticPath('/app', '/assets/index.js')).toBe('/app/assets/index.js');
    expect(resolveStaticPath('/app', '/')).toBe('/app/index.html');
    expect(resolveStaticPath('/app', '/history?day=1')).toBe('/app/index.html');
  });

  it('never escapes the root, however the path is spelled', () => {
    for (const attack of ['/../etc/shadow.txt', '/assets/../../etc/hosts.conf', '/%2e%2e/%2e%2e/etc/passwd.txt', '/..%2f..%2fetc%2fpasswd.txt', '/a%00.js', '/%E0%A4%A.js']) {
      expect(resolveStaticPath('/app', attack), attack).toBeNull();
    }
    // Without an extension it is an app route: the answer is the app's own index.html.
    expect(resolveStaticPath('/app', '/../etc/passwd')).toBe('/app/index.html');
  });

  it('reads a file with its content type, and null for a missing one', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    expect(await readStaticFile(root, '/assets/app.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8' });
    expect(await readStaticFile(root, '/assets/missing.js')).toBeNull();
  });
});
