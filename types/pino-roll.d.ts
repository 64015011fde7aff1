// pino-roll ships no types; this declares the part we use.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface RollOptions {
    file: string;
    extension?: string;
    frequency?: 'daily' | 'hourly' | number;
    size?: string | number;
    mkdir?: boolean;
    limit?: { count: number };
  }

  export default function build(options: RollOptions): Promise<DestinationStream & { end(): void; flushSync(): void }>;
}
