import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { LaneStatus } from '../../../shared/contract/status';
import type { CodePosition } from '../../../shared/decoding/types';
import type { LaneHealthReport } from '../../../shared/contract/lanes';
import { reportQueueFor } from '../lanes/report-queue';
import { cameraWanted, listCameras, openCamera, startFrameDecoding } from './webcam';

type Overlay = { position: CodePosition; width: number; height: number };

/**
 * One webcam lane: the camera's preview with a box over the last code found, decoded in a worker
 * and reported to the core. Re-opens the camera when it is unplugged and plugged back in.
 */
export function WebcamPreview({ lane, client }: { lane: LaneStatus; client: StationClient }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [wanted, setWanted] = useState(cameraWanted(lane.source));
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const [fps, setFps] = useState(0);

  useEffect(() => {
    const element = video.current!;
    let closed = false;
    let stream: MediaStream | null = null;
    let decoding: ReturnType<typeof startFrameDecoding> | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    // What the core is told every second: it counts this lane as working only while frames arrive.
    let camera: LaneHealthReport['camera'] = 'opening';
    let cameraError: string | null = null;
    const fail = (message: string) => {
      camera = 'failed';
      cameraError = message;
      setError(message);
    };

    const reopen = () => {
      clearTimeout(reopenTimer);
      reopenTimer = setTimeout(() => void open(), 500);
    };
    async function open() {
      decoding?.stop();
      for (const track of stream?.getTracks() ?? []) track.stop();
      setLive(false);
      camera = 'opening';
      try {
        stream = await openCamera(wanted);
        if (closed) return void stream.getTracks().forEach((track) => track.stop());
        setCameras(await listCameras()); // labels are only given once a camera is open
        setError(null);
        cameraError = null;
        for (const track of stream.getVideoTracks()) track.addEventListener('ended', reopen);
        element.srcObject = stream;
        await element.play();
        setLive(true);
        camera = 'live';
        decoding = startFrameDecoding(
          element,
          ({ codes, width, height, capturedAt, decodedAt }) => {
            for (const { text, position } of codes) {
              setOverlay({ position, width, height });
              reportQueueFor(client).report({ laneId: lane.id, text, capturedAt, decodedAt, position, frameSize: { width, height } });
            }
          },
          fail,
        );
      } catch (caught) {
        fail(caught instanceof Error ? caught.message : String(caught));
        reopen();
      }
    }
    void open();
    navigator.mediaDevices.addEventListener('devicechange', reopen);
    let lastDecoded = 0;
    let lastPresented = 0;
    const fpsTimer = setInterval(() => {
      const decoded = decoding?.stats.decoded ?? 0;
      const presented = decoded + (decoding?.stats.skipped ?? 0);
      setFps(decoded - lastDecoded);
      const rates = { fpsIn: Math.max(0, presented - lastPresented), fpsDecoded: Math.max(0, decoded - lastDecoded) };
      [lastDecoded, lastPresented] = [decoded, presented];
      // A lost report is replaced by the next one; the core marks the lane stopped if they stop coming.
      client.invoke('reportLaneHealth', { laneId: lane.id, camera, ...rates, error: cameraError?.slice(0, 300) ?? null }).catch(() => undefined);
    }, 1000);
    return () => {
      closed = true;
      clearTimeout(reopenTimer);
      clearInterval(fpsTimer);
      navigator.mediaDevices.removeEventListener('devicechange', reopen);
      decoding?.stop();
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [client, lane.id, wanted]);

  return (
    <div className="webcam">
      <div className="webcam-view">
        <video ref={video} muted playsInline data-testid={`preview-${lane.id}`} data-state={live ? 'live' : 'opening'} />
        {overlay && (
          <svg className="webcam-overlay" viewBox={`0 0 ${overlay.width} ${overlay.height}`} preserveAspectRatio="xMidYMid meet" data-testid={`overlay-${lane.id}`}>
            <polygon points={[overlay.position.topLeft, overlay.position.topRight, overlay.position.bottomRight, overlay.position.bottomLeft].map((p) => `${p.x},${p.y}`).join(' ')} />
          </svg>
        )}
      </div>
      <label>
        {t('lanes.camera')}{' '}
        <select value={wanted ?? ''} onChange={(event) => setWanted(event.target.value === '' ? null : event.target.value)}>
          <option value="">{t('lanes.defaultCamera')}</option>
          {cameras.map((camera) => (
            <option key={camera.deviceId} value={camera.deviceId}>
              {camera.label || camera.deviceId}
            </option>
          ))}
        </select>
      </label>
      <span className="muted"> {t('lanes.decodedFps', { fps })}</span>
      {error !== null && <p className="banner banner-error">{t('lanes.cameraError', { message: error })}</p>}
    </div>
  );
}
