import type { DecodedCode } from '../../../shared/decoding/types';
import type { DecodeReply, DecodeRequest } from './decode.worker';
import DecodeWorker from './decode.worker?worker';

/** The resolution asked of every camera: enough for a dense card code at arm's length. */
export const preferredSize = { width: 1280, height: 720 };

/** `webcam:default` → the system's default camera; `webcam:<id or label>` → that one. */
export function cameraWanted(source: string): string | null {
  const wanted = source.slice('webcam:'.length);
  return wanted === '' || wanted === 'default' ? null : wanted;
}

export async function listCameras(): Promise<MediaDeviceInfo[]> {
  return (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'videoinput');
}

/** Opens the camera by device id or label (labels are what an officer recognises), else the default. */
export async function openCamera(wanted: string | null): Promise<MediaStream> {
  const match = wanted === null ? undefined : (await listCameras()).find((camera) => camera.deviceId === wanted || camera.label === wanted);
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { ...(match ? { deviceId: { exact: match.deviceId } } : {}), width: { ideal: preferredSize.width }, height: { ideal: preferredSize.height } },
  });
}

export interface FrameDecode {
  codes: DecodedCode[];
  width: number;
  height: number;
  capturedAt: number;
  decodedAt: number;
}

/**
 * Decodes the video's frames in a worker, one at a time, always the newest: while a frame is being
 * decoded the ones the camera presents are skipped (counted in `skipped`), never queued.
 */
export function startFrameDecoding(video: HTMLVideoElement, onFrame: (result: FrameDecode) => void, onError: (message: string) => void) {
  const worker = new DecodeWorker();
  const stats = { decoded: 0, skipped: 0 };
  let running = true;
  let lastPresented = 0;

  const decode = (bitmap: ImageBitmap) =>
    new Promise<DecodeReply>((resolve) => {
      worker.onmessage = (event: MessageEvent<DecodeReply>) => resolve(event.data);
      const request: DecodeRequest = { bitmap };
      worker.postMessage(request, [bitmap]);
    });

  const nextFrame = () => new Promise<number>((resolve) => video.requestVideoFrameCallback((_now, metadata) => resolve(metadata.presentedFrames)));

  void (async () => {
    while (running) {
      const presented = await nextFrame();
      if (!running) break;
      if (lastPresented > 0) stats.skipped += Math.max(0, presented - lastPresented - 1);
      lastPresented = presented;
      const capturedAt = Date.now();
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(video);
      } catch {
        continue; // the video has no frame yet (just re-opened)
      }
      const reply = await decode(bitmap);
      if (!running) break;
      if (!reply.ok) {
        onError(reply.message);
        continue;
      }
      stats.decoded++;
      onFrame({ codes: reply.codes, width: reply.width, height: reply.height, capturedAt, decodedAt: Date.now() });
    }
  })();

  return {
    stats,
    stop() {
      running = false;
      worker.terminate();
    },
  };
}
