import { describe, expect, it } from 'vitest';
import { cardPayloadFor } from '../../helpers/central-api';
import { findAdult, startEnrolledStation, startTestCentralApiWith, useClosing } from '../../helpers/enrolled-station';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const closing = useClosing();
const minute = 60_000;
/** The estimate is off by at most half a round trip; loopback on a loaded machine stays far below this. */
const toleranceMs = 2000;

describe('server clock offset, against the reference central API with its clock skewed', () => {
  it('estimates the offset at each sync pass, warns beyond 5 minutes either way, and stamps passages with server time', async () => {
    let skewMs = 0;
    const api = closing(await startTestCentralApiWith(tempDir(), { now: () => new Date(Date.now() + skewMs) }));
    const station = closing(await startEnrolledStation(api.url, tempDir()));
    // The test runs the passes itself: a background pass could read the server's clock before a skew change.
    await station.sync.stop();
    const citizen = findAdult(api.db, { status: 'none', denyListed: false });

    for (const [skew, warning] of [[4 * minute, false], [6 * minute, true], [-6 * minute, true], [-4 * minute, false]] as const) {
      skewMs = skew;
      expect((await station.sync.runPass()).error).toBeNull();
      const offset = station.sync.serverOffsetMs();
      expect(offset).not.toBeNull();
      expect(Math.abs(offset! - skew), `skew ${skew} ms, estimated ${offset} ms`).toBeLessThan(toleranceMs);
      expect(station.status().sync).toMatchObject({ clockOffsetMs: offset, clockWarning: warning });

      const scan = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } });
      const passage = station.store.get(scan.passageId!);
      expect(passage?.serverTime).not.toBeNull();
      // The estimate can fall on half a millisecond; the stored time keeps whole ones.
      expect(Math.abs(Date.parse(passage!.serverTime!) - Date.parse(passage!.scannedAt) - offset!)).toBeLessThan(1);
    }
  });
});
