import { describe, expect, it } from 'vitest';
import { REDACTED, redactString, redactValue } from '../../../shared/privacy/redact';

const cardPayload = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';

describe('log redaction', () => {
  it('removes a whole card payload from free text, with the text around it on that line', () => {
    // Card fields contain spaces, so where the payload starts cannot be known: the line goes.
    const text = redactString(`decoded ${cardPayload} on lane-1\nnext line`);
    expect(text).toBe('[payload]\nnext line');
  });

  it('masks ID-number-like digit runs but keeps short numbers', () => {
    expect(redactString('id 001158024485 old 110419092 lane 3 took 12 ms')).toBe('id [number] old [number] lane 3 took 12 ms');
  });

  it('redacts personal keys at any depth, whatever their value', () => {
    const record = redactValue({
      lane: 'lane-1',
      citizen: { fullName: 'Nguyễn Văn An', idNumber: '001099012345', address: 'Hà Nội', nested: [{ payload: 'x' }] },
      token: 'abc',
      count: 3,
    });
    expect(record).toEqual({
      lane: 'lane-1',
      citizen: { fullName: REDACTED, idNumber: REDACTED, address: REDACTED, nested: [{ payload: REDACTED }] },
      token: REDACTED,
      count: 3,
    });
  });

  it('scrubs error messages and stacks', () => {
    const error = new Error(`cannot parse ${cardPayload}`);
    const record = redactValue({ err: error }) as { err: { message: string; stack: string } };
    expect(record.err.message).toBe('[payload]');
    expect(record.err.stack).not.toContain('001158024485');
  });

  it('stops at a bounded depth instead of looping on deep input', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 50; i += 1) deep = { next: deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[depth]');
  });
});
