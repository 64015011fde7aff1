import { fileURLToPath } from 'node:url';
import { fileSource } from './file-source';
import { ffmpegCameraSource } from './ffmpeg-source';
import { openWithSerialport, serialScannerSource, type SerialPortOpener } from './serial-source';
import type { LaneSource } from './source';

export interface SourceEnvironment {
  /** Default `ffmpeg` on the PATH (Debian's /usr/bin/ffmpeg on our machines). */
  ffmpegPath?: string;
  openSerialPort?: SerialPortOpener;
  /**
   * RTSP over TCP by default: UDP loses packets behind the NATs of 4G routers and through
   * firewalls; UDP is for a camera on the same switch that cannot do TCP.
   */
  rtspTransport?: 'tcp' | 'udp';
}

const defaultBaudRate = 9600;

/**
 * The adapter for a lane's source URI; null for `webcam:` and `keyboard:` lanes, which the app
 * window reads and decodes itself and reports over the contract.
 */
export function sourceForUri(uri: string, environment: SourceEnvironment = {}): LaneSource | null {
  const scheme = uri.slice(0, uri.indexOf(':'));
  const rest = uri.slice(scheme.length + 1);
  switch (scheme) {
    case 'webcam':
    case 'keyboard':
      return null;
    case 'file':
      // `file:///abs/path.y4m` (a URL) or `file:path.y4m` (relative to the working folder).
      return fileSource(rest.startsWith('//') ? fileURLToPath(uri) : rest);
    case 'rtsp':
    case 'rtsps':
      return ffmpegCameraSource(uri, ['-rtsp_transport', environment.rtspTransport ?? 'tcp'], environment.ffmpegPath);
    case 'http':
    case 'https':
      return ffmpegCameraSource(uri, [], environment.ffmpegPath);
    case 'v4l2':
      return ffmpegCameraSource(rest, ['-f', 'v4l2'], environment.ffmpegPath);
    case 'serial': {
      // `serial:/dev/ttyACM0` or `serial:/dev/ttyACM0?baud=115200`
      const [path = '', query = ''] = rest.split('?');
      const baud = Number(new URLSearchParams(query).get('baud') ?? defaultBaudRate);
      return serialScannerSource(path, baud, environment.openSerialPort ?? openWithSerialport);
    }
    default:
      throw new Error(`unsupported lane source: ${scheme}:`);
  }
}
