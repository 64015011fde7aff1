import type { LaneSource, SourceItem } from './source';

/** An open serial port as the bytes it receives; `close()` releases the device. */
export interface SerialPortStream extends AsyncIterable<Uint8Array> {
  close(): Promise<void>;
}

export type SerialPortOpener = (path: string, baudRate: number, signal: AbortSignal) => Promise<SerialPortStream>;

/**
 * A USB-serial (CDC) handheld scanner: it sends each payload as UTF-8 text ended by CR, LF or CRLF.
 * The port is opened by `openPort` (the `serialport` package in production, a fake stream in tests).
 */
export function serialScannerSource(path: string, baudRate: number, openPort: SerialPortOpener): LaneSource {
  return {
    kind: 'scanner',
    async open(signal) {
      const port = await openPort(path, baudRate, signal);
      const items = scannedLines(port);
      return {
        items,
        async close() {
          await port.close();
          await items.return(undefined);
        },
      };
    },
  };
}

/** Payloads are split on CR/LF; a CRLF split across two reads gives no empty payload. */
export async function* scannedLines(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SourceItem, void> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of bytes) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split(/\r\n|\r|\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.length > 0) yield { kind: 'code', text: line, capturedAt: Date.now() };
  }
  // A payload not ended by CR/LF when the port closes is incomplete: dropped, never guessed at.
}

/** The `serialport` package (prebuilt native bindings), loaded only when a serial lane starts. */
export const openWithSerialport: SerialPortOpener = async (path, baudRate) => {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate });
  await new Promise<void>((resolve, reject) => {
    port.once('open', () => resolve());
    port.once('error', (error: Error) => reject(error));
  });
  return {
    [Symbol.asyncIterator]: () => port[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>,
    close: () => new Promise<void>((resolve) => port.close(() => resolve())),
  };
};
