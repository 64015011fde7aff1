// The citizen's phone in front of the station's camera, end to end. One Chromium is the phone: the
// reference server's citizen app, whose camera (a fake one) shows the citizen's chip card, so
// registration fills itself from the card's QR; then the SMS code, a password, and the identity QR.
// The phone's screen is recorded (Chromium's screencast), turned into a video by ffmpeg, and that
// video is the station's camera in a second Chromium: the officer sees the citizen's name and PASS.
// The same recording shown after the token's minute is refused, and shown offline it waits for
// the network.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralApi } from '../../central-api/server';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';
import { searchPassages } from '../../electron/core/store/passage-queries';
import { writeTestVideo } from '../../scripts/make-test-video';
import { cardPayloadFor, enrolSecret } from '../helpers/central-api';
import { lastOtpSentTo, phoneOf } from '../helpers/citizen-app';
import { launchChromium, saveScreenshot, watchPageErrors } from '../helpers/chromium';
import { findAdult, startTestCentralApiWith } from '../helpers/enrolled-station';
import { runStationAsync, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const workDir = mkdtempSync(join(tmpdir(), 'station-citizen-phone-'));
const PASSWORD = 'Hanoi#2026vn';
/** The server's clock runs this far ahead of the machine's: the test moves it past a token's minute. */
let serverSkewMs = 0;
let api: CentralApi | undefined;
const browsers: Browser[] = [];

beforeAll(async () => {
  api = await startTestCentralApiWith(join(workDir, 'api'), { now: () => new Date(Date.now() + serverSkewMs) });
});
afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await api?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function launch(fakeCamera: string): Promise<Browser> {
  const browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera}`]);
  browsers.push(browser);
  return browser;
}

/**
 * Records `page` with Chromium's screencast for `ms`, then writes the recording as a 1280×720 y4m
 * camera video: the phone held up in the middle of the picture for the recording's length, then
 * taken away for `awayMs` (so a looping fake camera shows the code again, as a citizen would).
 */
async function recordAsCameraVideo(page: Page, ms: number, awayMs: number, path: string): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const frames: { data: string; at: number }[] = [];
  session.on('Page.screencastFrame', (frame) => {
    frames.push({ data: frame.data, at: frame.metadata.timestamp ?? Date.now() / 1000 });
    void session.send('Page.screencastFrameAck', { sessionId: frame.sessionId });
  });
  await session.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await session.send('Page.stopScreencast');
  await session.detach();
  // Each frame lasts until the next one came (the screencast sends a frame when the page changes).
  const list = frames.map((frame, index) => {
    const file = join(workDir, `frame-${index}.png`);
    writeFileSync(file, Buffer.from(frame.data, 'base64'));
    const duration = (frames[index + 1]?.at ?? frames[0]!.at + ms / 1000) - frame.at;
    return `file '${file}'\nduration ${Math.max(0.1, duration).toFixed(3)}`;
  });
  const concat = join(workDir, 'frames.txt');
  writeFileSync(concat, `${list.join('\n')}\nfile '${join(workDir, `frame-${frames.length - 1}.png`)}'\n`);
  const filters = `scale=-2:720,pad=1280:720:(ow-iw)/2:0:color=0x808890,fps=10,tpad=stop_mode=add:stop_duration=${awayMs / 1000}:color=0x808890,format=yuv420p`;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', concat, '-vf', filters, '-f', 'yuv4mpegpipe', path]);
  return frames.length;
}

describe('the citizen’s phone in front of the station’s camera', () => {
  it('registers from the card’s QR, shows a live identity QR that the station verifies online as PASS, and refuses it after its minute', { timeout: 300_000 }, async () => {
    const citizen = findAdult(api!.db, { status: 'none', denyListed: false });

    // The station first, online and enrolled, so the identity QR does not wait for it.
    const dataDir = tempDir();
    const configFile = join(tempDir(), 'config.json');
    writeFileSync(configFile, JSON.stringify({ lanes: [{ id: 'lane-1', name: 'Làn đi bộ', source: 'webcam:default' }], api: { url: api!.url }, dedupeWindowMs: 2_000 }));
    const enrolled = await runStationAsync(['enrol', '--config', configFile, '--data', dataDir], enrolSecret);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const station = await startStationServe(['--config', configFile, '--data', dataDir, '--demo-officer']);

    try {
      // The phone: its camera sees the citizen's chip card.
      const cardVideo = join(workDir, 'card.y4m');
      await writeTestVideo({ path: cardVideo, texts: [cardPayloadFor(citizen)], seed: 11, fps: 10, tailFrames: 40 });
      const phone = await (await launch(cardVideo)).newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
      const phoneErrors = watchPageErrors(phone);
      await phone.goto(`${api!.url}/citizen/`);
      await phone.getByTestId('go-register').click();
      await phone.getByTestId('register-id').fill(citizen.idNumber);
      await phone.getByTestId('register-phone').fill(phoneOf(citizen));
      await phone.getByTestId('register-next').click();
      await phone.getByTestId('scan-card').click();
      await expect.poll(() => phone.getByTestId('scan-note').textContent(), { timeout: 30_000 }).toContain('Đã đọc thông tin từ mã QR');
      expect(await phone.getByTestId('register-name').inputValue()).toBe(citizen.fullName);
      expect(await phone.getByTestId('register-birth-date').inputValue()).toBe(citizen.birthDate);
      expect(await phone.getByTestId('register-sex').inputValue()).toBe(citizen.sex);
      await saveScreenshot(phone, 'citizen-registration-card-scanned-390x844');
      await phone.getByTestId('register-check').click();
      await phone.getByTestId('otp-input').waitFor();
      expect(await phone.getByTestId('otp-countdown').textContent()).toMatch(/^Mã hết hạn sau [23]:\d\d$/);
      await phone.getByTestId('otp-input').fill(await lastOtpSentTo(api!.url, phoneOf(citizen)));
      await phone.getByTestId('otp-confirm').click();
      await phone.getByTestId('password-input').fill('hanoi2026');
      expect(await phone.getByTestId('password-submit').isDisabled()).toBe(true);
      await phone.getByTestId('password-input').fill(PASSWORD);
      await phone.getByTestId('password-again').fill(PASSWORD);
      await saveScreenshot(phone, 'citizen-registration-password-390x844');
      await phone.getByTestId('password-submit').click();
      await expect.poll(() => phone.getByTestId('account-name').textContent(), { timeout: 10_000 }).toBe(citizen.fullName);
      await saveScreenshot(phone, 'citizen-account-390x844');

      // The identity QR, counting down its minute.
      await phone.getByTestId('show-identity-qr').click();
      await phone.getByTestId('identity-qr-image').waitFor();
      expect(await phone.getByTestId('identity-qr-countdown').textContent()).toMatch(/^Mã có hiệu lực trong (1:00|0:[45]\d)$/);
      await saveScreenshot(phone, 'citizen-identity-qr-390x844');
      const recording = join(workDir, 'phone.y4m');
      expect(await recordAsCameraVideo(phone, 2_500, 3_000, recording)).toBeGreaterThanOrEqual(2);
      // A minute later (the phone's clock run forward) the app shows a new code, never the spent one.
      const firstCode = await phone.getByTestId('identity-qr-image').getAttribute('src');
      await phone.clock.install();
      await phone.clock.fastForward(61_000);
      await expect.poll(() => phone.getByTestId('identity-qr-image').getAttribute('src'), { timeout: 10_000 }).not.toBe(firstCode);
      expect(await phone.getByTestId('identity-qr-countdown').textContent()).toMatch(/^Mã có hiệu lực trong (1:00|0:5\d)$/);
      // The one failed load: the app asking for the account before anyone signed in (401, as it should).
      expect(phoneErrors).toEqual(['console: Failed to load resource: the server responded with a status of 401 (Unauthorized)']);

      // The station's camera sees the phone: online, the officer sees the name and PASS.
      const officer = await (await launch(recording)).newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const officerErrors = watchPageErrors(officer);
      await officer.goto(station.url);
      await officer.getByTestId('officer-badge').waitFor();
      const lastVerdict = () => officer.getByTestId('last-scan-lane-1').getAttribute('data-verdict');
      const panel = officer.getByTestId('verdict-panel');
      await expect.poll(lastVerdict, { timeout: 40_000, interval: 200 }).toBe('pass');
      expect(await panel.getByTestId('verdict-name').textContent()).toBe(citizen.fullName);
      expect(await panel.getByTestId('verdict-verification').textContent()).toBe('Đã xác thực trực tuyến');
      for (const check of ['genuineApp', 'identity', 'time']) expect(await panel.getByTestId(`vneid-check-${check}`).getAttribute('data-state'), check).toBe('passed');
      expect(await panel.getByTestId('vneid-checks').textContent()).toContain('Mã do ứng dụng VNeID cấp: đạt');
      await saveScreenshot(officer, 'citizen-qr-station-pass-1366x768');

      // The same picture after its minute (by the server's clock): a replayed screenshot, refused.
      serverSkewMs = 120_000;
      await expect.poll(lastVerdict, { timeout: 30_000, interval: 200 }).toBe('invalid');
      expect(await panel.getByTestId('verdict-reasons').textContent()).toContain('Mã VNeID đã quá một phút');
      expect(await panel.getByTestId('vneid-check-time').getAttribute('data-state')).toBe('failed');
      expect(await panel.getByTestId('vneid-check-genuineApp').getAttribute('data-state')).toBe('passed');
      expect(await panel.getByTestId('verdict-name').count()).toBe(0);
      await saveScreenshot(officer, 'citizen-qr-replayed-refused-1366x768');

      // Offline, the same code waits for the network: the officer is told so.
      await api!.close();
      api = undefined;
      await expect.poll(lastVerdict, { timeout: 30_000, interval: 200 }).toBe('check');
      expect(await panel.getByTestId('verdict-reasons').textContent()).toContain('mã sẽ được kiểm tra khi có mạng lại');
      for (const check of ['genuineApp', 'identity', 'time']) expect(await panel.getByTestId(`vneid-check-${check}`).getAttribute('data-state'), check).toBe('pending');
      await saveScreenshot(officer, 'citizen-qr-offline-pending-1366x768');
      expect(officerErrors).toEqual([]);
    } finally {
      await station.stop();
    }

    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const passages = searchPassages(database.db, { limit: 100 });
    closeDatabase(database);
    const passed = passages.filter((passage) => passage.verdict === 'pass');
    expect(passed.length).toBeGreaterThanOrEqual(1);
    expect(passed[0]).toMatchObject({ codeKind: 'vneid-token', verification: 'online', identity: { idNumber: citizen.idNumber, fullName: citizen.fullName }, vneidToken: null });
    expect(passages.find((passage) => passage.verdict === 'invalid')?.reasons).toEqual([{ code: 'vneid-token-expired' }]);
    // Offline, the token is kept for the server to judge at sync.
    expect(passages.find((passage) => passage.verification === 'offline')?.vneidToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
