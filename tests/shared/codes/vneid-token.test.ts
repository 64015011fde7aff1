import { describe, expect, it } from 'vitest';
import { DEFAULT_VNEID_TOKEN_PATTERN } from '../../../shared/codes';
import { classify, expectKind } from './fixtures';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJ0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJl';

describe('VNeID app token', () => {
  it('is recognised, kept opaque and routed to online verification', () => {
    const result = expectKind(classify(TOKEN), 'vneid-token');
    expect(result).toEqual({ kind: 'vneid-token', valid: true, fields: { token: TOKEN, verification: 'online-required' }, problems: [] });
  });

  it('uses the configured pattern instead of the default', () => {
    const pattern = /^VNEID:[0-9A-F]{32}$/;
    expect(classify(`VNEID:${'A'.repeat(32)}`, { vneidTokenPattern: pattern }).kind).toBe('vneid-token');
    expect(classify(TOKEN, { vneidTokenPattern: pattern }).kind).toBe('unknown');
  });

  it('gives the same answer every time with a global pattern (no lastIndex carried over)', () => {
    const pattern = new RegExp(DEFAULT_VNEID_TOKEN_PATTERN.source, 'g');
    expect([1, 2, 3].map(() => classify(TOKEN, { vneidTokenPattern: pattern }).kind)).toEqual(['vneid-token', 'vneid-token', 'vneid-token']);
  });

  it('loses to every document format, and is not matched by short or spaced text', () => {
    expect(classify('0120878811').kind).toBe('unknown');
    expect(classify('hello world, this is text').kind).toBe('unknown');
  });

  it('never gives a configured pattern more than 1024 characters', () => {
    expect(classify('a'.repeat(1025), { vneidTokenPattern: /^a+$/ }).kind).toBe('unknown');
    expect(classify('a'.repeat(1024), { vneidTokenPattern: /^a+$/ }).kind).toBe('vneid-token');
  });
});
