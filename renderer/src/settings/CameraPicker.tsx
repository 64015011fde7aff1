import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraWanted, listCameras, openCamera } from '../camera/webcam';

/**
 * Chooses a webcam by the label the officer recognises, with a live test view. Labels exist only
 * once a camera has been opened, so the list is read after the test view or a first open.
 */
export function CameraPicker({ source, onChange, laneId }: { source: string; onChange(source: string): void; laneId: string }) {
  const { t } = useTranslation();
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const wanted = cameraWanted(source);

  useEffect(() => void listCameras().then(setCameras), []);
  useEffect(() => {
    if (!testing) return;
    let stream: MediaStream | null = null;
    let closed = false;
    void openCamera(wanted)
      .then(async (opened) => {
        stream = opened;
        if (closed) return opened.getTracks().forEach((track) => track.stop());
        setCameras(await listCameras());
        setError(null);
        video.current!.srcObject = opened;
        await video.current!.play();
      })
      .catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
    return () => {
      closed = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [testing, wanted]);

  return (
    <div className="camera-picker">
      <label className="field">
        <span>{t('settings.camera')}</span>
        <select value={wanted ?? ''} onChange={(event) => onChange(`webcam:${event.target.value === '' ? 'default' : event.target.value}`)} data-testid={`camera-picker-${laneId}`}>
          <option value="">{t('lanes.defaultCamera')}</option>
          {cameras.map((camera, index) => (
            <option key={camera.deviceId || index} value={camera.label || camera.deviceId}>
              {camera.label || t('settings.unnamedCamera', { number: index + 1 })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setTesting((on) => !on)} data-testid={`camera-test-${laneId}`}>
        {testing ? t('settings.stopTest') : t('settings.testCamera')}
      </button>
      {testing && <video ref={video} className="camera-test" muted playsInline data-testid={`camera-test-video-${laneId}`} />}
      {error !== null && <p className="banner banner-error">{t('lanes.cameraError', { message: error })}</p>}
    </div>
  );
}
