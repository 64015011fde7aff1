import { describe, expect, it } from 'vitest';
import { giveBackFrameBuffer, takeFrameBuffer } from '../../../electron/core/media/frame-buffers';

describe('frame buffers', () => {
  it('hands out a buffer given back, for its size only, once', () => {
    const buffer = takeFrameBuffer(1001);
    buffer.fill(9);
    giveBackFrameBuffer(buffer);
    expect(takeFrameBuffer(1002)).not.toBe(buffer);
    expect(takeFrameBuffer(1001)).toBe(buffer);
    expect(takeFrameBuffer(1001)).not.toBe(buffer);
  });

  it('keeps no view into a bigger buffer, nor a buffer handed to a worker (detached)', () => {
    const big = new Uint8Array(2006);
    giveBackFrameBuffer(big.subarray(3, 1003));
    expect(takeFrameBuffer(1000).buffer).not.toBe(big.buffer);
    const sent = new Uint8Array(1003);
    structuredClone(sent, { transfer: [sent.buffer] });
    giveBackFrameBuffer(sent);
    expect(takeFrameBuffer(1003).byteLength).toBe(1003);
  });

  it('keeps at most 64 MB: past it a buffer is left to the collector', () => {
    const size = 8 * 2 ** 20;
    const buffers = Array.from({ length: 9 }, () => takeFrameBuffer(size));
    buffers.forEach(giveBackFrameBuffer);
    const again = Array.from({ length: 9 }, () => takeFrameBuffer(size));
    expect(again.filter((buffer) => buffers.includes(buffer))).toHaveLength(8);
  });
});
