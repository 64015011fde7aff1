import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../shared/security/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((directive) => {
    const [name, ...sources] = directive.split(' ');
    return [name ?? '', sources];
  }));
}

describe('content security policy', () => {
  const policy = directives(buildContentSecurityPolicy({ connectSources: ['https://api.example.gov.vn'] }));

  it('allows scripts only from the app itself, with WebAssembly and nothing wider', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('connects only to the app and the configured API', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.example.gov.vn']);
  });

  it('denies everything not listed, framing, plugins and base rewriting', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });
});
