import { describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../helpers/axe';
import { saveScreenshot, useChromium, watchPageErrors } from '../helpers/chromium';
import { runStation, startStationServe } from '../helpers/station-cli';
import { connectBridge } from '../helpers/bridge-client';
import { addOfficerInApp, signIn, typeSignIn } from '../helpers/officer-pages';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const browser = useChromium();

describe('who sees what, in Chromium', () => {
  it('an officer cannot reach the supervisor’s screens (nor their commands); a supervisor manages officers from the app', async () => {
    const dataDir = tempDir();
    for (const [id, name, role, pin] of [['duty-01', 'Nguyễn Văn Trực', 'officer', '482913'], ['chief-01', 'Phạm Thị Chỉ', 'supervisor', '735182']]) {
      const added = runStation(['officer', 'add', id!, '--name', name!, '--role', role!, '--data', dataDir], `${pin}\n`);
      expect(added.code, added.stderr).toBe(0);
    }
    const station = await startStationServe(['--data', dataDir]);
    const page = await browser().newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const errors = watchPageErrors(page);
    try {
      await page.goto(station.url);
      await signIn(page, 'duty-01', '482913');
      expect(await page.getByTestId('nav-history').count()).toBe(1);
      expect(await page.getByTestId('nav-settings').count()).toBe(0);
      expect(await page.getByTestId('nav-officers').count()).toBe(0);
      // The shortcut of a screen this officer does not have leaves them where they are.
      await page.keyboard.press('Alt+7');
      await page.keyboard.press('Alt+6');
      expect(await page.getByTestId('officers-table').count()).toBe(0);
      expect(await page.getByTestId('settings-form').count()).toBe(0);
      // Nor does going round the screen help: the core refuses the command itself.
      const direct = await connectBridge(station);
      expect(await direct.invoke('listOfficers')).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'role.supervisor-required' } });
      direct.close();
      await page.getByTestId('sign-out').click();

      await signIn(page, 'chief-01', '735182');
      await page.getByTestId('nav-settings').waitFor();
      await page.getByTestId('nav-officers').click();
      await page.getByTestId('officer-duty-01').waitFor();
      await addOfficerInApp(page, { id: 'duty-02', name: 'Lê Thị Mới', pin: '246810' });
      await page.getByTestId('officer-toggle-duty-01').click();
      await expect.poll(() => page.getByTestId('officer-duty-01').textContent()).toContain('Đã khoá');
      await saveScreenshot(page, 'officers-1366x768');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.getByTestId('sign-out').click();

      // The disabled officer is refused, the new one signs in.
      await typeSignIn(page, 'duty-01', '482913');
      await page.getByTestId('sign-in-error').waitFor();
      await signIn(page, 'duty-02', '246810');
      expect(await page.getByTestId('officer-badge').textContent()).toContain('Lê Thị Mới');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await station.stop();
    }
  });
});
