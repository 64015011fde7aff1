import { describe, expect, it } from 'vitest';
import { REDACTED, redactString, redactValue } from '../../../shared/privacy/redact';
import { cardPayload, leaks, plantedSamples } from '../../helpers/redaction-samples';

/** What the record would look like in a log line. */
function written(value: unknown): string {
  return JSON.stringify(redactValue(value)) ?? '';
}

class Scan {
  constructor(
    readonly laneId: string,
    readonly code: string,
  ) {}
}

/** Every way a record can carry a string to the redactor. */
const places: [string, (sample: string) => unknown][] = [
  ['a free-text message', (sample) => `scanned ${sample} on lane-1`],
  ['the start of a message', (sample) => `${sample} was scanned`],
  ['a message alone', (sample) => sample],
  ['the middle line of a message', (sample) => `classify failed\n  decoded: ${sample}\nretrying`],
  ['an error message', (sample) => new Error(`cannot classify ${sample}`)],
  [
    'an error stack only',
    (sample) => {
      // A message edited after the error was made: the stack still has the old one.
      const error = new Error('cannot classify');
      error.stack = `Error: cannot classify ${sample}\n    at classify (/app/electron/core/pipeline/classify.js:42:17)`;
      return error;
    },
  ],
  ['a cause chain', (sample) => new Error('scan failed', { cause: new Error('decode failed', { cause: new Error(`bad field ${sample}`) }) })],
  ['an aggregate error', (sample) => new AggregateError([new Error('lane-2: timeout'), new Error(`lane-1: ${sample}`)], 'lanes failed')],
  ['a field of an error', (sample) => Object.assign(new Error('rejected by the central API'), { detail: sample })],
  ['an error inside an object', (sample) => ({ result: { ok: false, error: new Error(`refused ${sample}`) } })],
  ['nested objects and arrays', (sample) => ({ a: { b: [{ c: [sample] }] } })],
  ['an innocuous key', (sample) => ({ detail: `scanned ${sample}` })],
  ['an array of arrays', (sample) => ({ items: [['x', sample]] })],
  ['an object key', (sample) => ({ [sample]: 1 })],
  ['a Map value', (sample) => new Map([['last', sample]])],
  ['a Map key', (sample) => new Map([[sample, 'seen']])],
  ['a Set', (sample) => ({ seen: new Set(['lane-1', sample]) })],
  ['a class instance', (sample) => new Scan('lane-1', sample)],
  ['what toJSON returns', (sample) => ({ scan: { toJSON: () => ({ note: sample }) } })],
  ['a Symbol description', (sample) => ({ tag: Symbol(sample) })],
  [
    'a cyclic object',
    (sample) => {
      const record: Record<string, unknown> = { note: sample };
      record.self = record;
      return record;
    },
  ],
];

describe('log redaction of planted personal data', () => {
  it('has a leak detector that finds every sample, with its digits written otherwise', () => {
    for (const sample of plantedSamples) expect(leaks(`seen: ${sample.value}`, [sample]), sample.label).not.toEqual([]);
    expect(leaks('id 079.203.012.345', plantedSamples)).toContain('ID number in groups of three: the digits 079203012345');
  });

  it.each(places)('leaves no sample in %s, and says what it took out', (_place, plant) => {
    const outcomes = plantedSamples.map((sample) => ({ sample, line: written(plant(sample.value)) }));
    expect(outcomes.flatMap(({ sample, line }) => leaks(line, [sample]))).toEqual([]);
    // Dropping the value would pass the check above and lose the line's meaning: each was seen, and marked.
    expect(outcomes.filter(({ line }) => !/\[(?:name|number|token|payload|redacted)\]/.test(line)).map(({ sample }) => sample.label)).toEqual([]);
  });

  it('tells only the length of bytes: a buffer may hold a raw payload', () => {
    const bytes = Buffer.from(cardPayload);
    expect(redactValue({ frame: bytes, view: new Uint8Array(bytes), memory: new ArrayBuffer(16), data: new DataView(new ArrayBuffer(4)) })).toEqual({
      frame: `[${bytes.length} bytes]`,
      view: `[${bytes.length} bytes]`,
      memory: '[16 bytes]',
      data: '[4 bytes]',
    });
    // A buffer as JSON wrote it, in a log line of an older version that the support bundle reads again.
    expect(redactValue(JSON.parse(JSON.stringify({ frame: bytes })))).toEqual({ frame: `[${bytes.length} bytes]` });
  });

  it('reads a BigInt as the number it is', () => {
    expect(redactValue({ id: 79203012345n, count: 42n })).toEqual({ id: '[number]', count: '42' });
  });

  it('removes a whole card payload from free text, with the text around it on that line', () => {
    // Card fields contain spaces, so where the payload starts cannot be known: the line goes.
    expect(redactString(`decoded ${cardPayload} on lane-1\nnext line`)).toBe('[payload]\nnext line');
  });

  it('redacts personal keys at any depth, whatever their value or spelling', () => {
    const record = redactValue({
      lane: 'lane-1',
      citizen: { fullName: 'x', id_number: 'x', Address: 'x', nested: [{ payload: 'x' }] },
      accessToken: 'abc',
      'X-Api-Key': 'abc',
      count: 3,
    });
    expect(record).toEqual({
      lane: 'lane-1',
      citizen: { fullName: REDACTED, id_number: REDACTED, Address: REDACTED, nested: [{ payload: REDACTED }] },
      accessToken: REDACTED,
      'X-Api-Key': REDACTED,
      count: 3,
    });
  });

  it('keeps an error readable: its type, its message and its causes', () => {
    const error = new TypeError('decode failed', { cause: new Error(`bad field ${cardPayload}`) });
    expect(redactValue(error)).toMatchObject({ type: 'TypeError', message: 'decode failed', cause: { type: 'Error', message: '[payload]' } });
  });
});

describe('log redaction leaves our own words alone', () => {
  const ours = [
    'station started',
    'station closed',
    'sync pass failed',
    'lane source restarting',
    'VNeID codes scanned offline were not genuine or denied',
    'core did not close cleanly',
    'lane-1',
    'pipeline',
    'CP-HN-07',
    '2024-05-01T10:22:29.123Z',
    'took 12 ms over 12345678 bytes',
    'passage 0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b synced',
    'passage 01920000-1111-7222-8333-444455556666 synced',
    "Cannot read properties of undefined (reading 'fullName')",
    'connect ECONNREFUSED 127.0.0.1:8443',
    'GET /v1/passages 200',
    'https://api.example.gov.vn/v1/passages',
    'SQLITE_BUSY: database is locked',
    'SQLITE_CONSTRAINT_PRIMARYKEY: UNIQUE constraint failed: passages.id',
    'Do not retry: the central API refused the batch',
    'The Database Is Locked',
    "Invalid option: expected one of 'entry' | 'exit' | 'both'",
    '    at classify (/opt/checkpoint-station/electron/core/pipeline/classify.ts:42:17)',
    '    at Object.transformer (/app/node_modules/tsx/dist/register-B1c7OH6V.cjs:22:2188)',
    '/home/officer/.config/station/logs',
  ];

  it.each(ours)('%s', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('keeps a whole record of ours as it is', () => {
    const record = {
      level: 30,
      time: '2024-05-01T10:22:29.123Z',
      pid: 4242,
      scope: 'sync',
      laneId: 'lane-1',
      passageIds: ['0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b', '0192f3c4-5d6f-7000-8000-000000000001'],
      at: new Date('2024-05-01T10:22:29.123Z'),
      ms: 12,
      ok: true,
      msg: 'uploaded',
    };
    expect(redactValue(record)).toEqual({ ...record, at: '2024-05-01T10:22:29.123Z' });
  });
});

describe('log redaction is bounded and never throws', () => {
  it('cuts a very long string before matching, tail and all', () => {
    const text = redactString(`${'lorem ipsum '.repeat(100_000)}${cardPayload}`);
    expect(text.length).toBeLessThanOrEqual(8192);
    expect(text).toMatch(/…\[cut \d+ chars\]$/);
    expect(leaks(text)).toEqual([]);
    // Redacting it again (the logger does, once the line is assembled) cuts nothing more.
    expect(redactString(text)).toBe(text);
  });

  it('takes linear time on inputs that make naive patterns backtrack', () => {
    const started = performance.now();
    for (const text of ['-'.repeat(100_000), 'a.'.repeat(50_000), '1 '.repeat(50_000), 'Nguyễn '.repeat(20_000), 'x|'.repeat(50_000), 'a-'.repeat(50_000)]) {
      redactString(text);
    }
    // Each is cut to 8 KB; a quadratic pattern over 8 KB would still take seconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('cuts a huge array instead of walking it', () => {
    const items = redactValue(Array.from({ length: 100_000 }, (_, index) => index)) as unknown[];
    expect(items.length).toBeLessThan(2100);
    expect(items.at(-1)).toMatch(/^\[\d+ more\]$/);
  });

  it('stops at a bounded depth instead of looping on deep input', () => {
    let deep: Record<string, unknown> = { leaf: '001158024485' };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(written(deep)).toContain('[depth]');
  });

  it('marks cycles instead of following them, through objects, arrays, maps and causes', () => {
    const record: Record<string, unknown> = { scope: 'sync' };
    const list: unknown[] = [record];
    record.list = list;
    const map = new Map<string, unknown>();
    map.set('self', map);
    const error = new Error('loop');
    error.cause = error;
    expect(redactValue({ record, map, error })).toMatchObject({
      record: { scope: 'sync', list: ['[circular]'] },
      map: [['self', '[circular]']],
      error: { message: 'loop', cause: '[circular]' },
    });
  });

  it('survives values that throw when read, and keys that would set a prototype', () => {
    const throwing = {
      get detail(): string {
        throw new Error('getter');
      },
    };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('proxy'); } });
    const badJson = { toJSON: () => { throw new Error('toJSON'); } };
    const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const symbolKeyed = { [Symbol('key')]: '001158024485', scope: 'sync' };
    const record = redactValue({ throwing, proxy, badJson, polluted, symbolKeyed, nothing: undefined, fn: () => 1 }) as Record<string, unknown>;
    expect(record).toMatchObject({ throwing: '[unreadable]', proxy: '[unreadable]', badJson: '[unreadable]', symbolKeyed: { scope: 'sync' } });
    expect(Object.getPrototypeOf(record.polluted)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => JSON.stringify(record)).not.toThrow();
  });
});
