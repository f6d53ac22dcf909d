import { describe, expect, it } from 'vitest';
import { originAllowed } from './origin';

describe('originAllowed', () => {
  const domains = ['example.com', 'localhost:3000'];
  it('accepts listed hosts, their subdomains and any scheme port for entries without a port', () => {
    expect(originAllowed('https://example.com', domains)).toBe(true);
    expect(originAllowed('https://www.example.com', domains)).toBe(true);
    expect(originAllowed('http://app.eu.example.com:8080', domains)).toBe(true);
    expect(originAllowed('http://localhost:3000', domains)).toBe(true);
  });
  it('refuses other hosts, look-alikes, other ports of a port entry and non-web schemes', () => {
    expect(originAllowed('https://notexample.com', domains)).toBe(false);
    expect(originAllowed('https://example.com.evil.net', domains)).toBe(false);
    expect(originAllowed('http://localhost:3001', domains)).toBe(false);
    expect(originAllowed('http://localhost', domains)).toBe(false);
    expect(originAllowed('file:///tmp/x.html', ['tmp'])).toBe(false);
    expect(originAllowed('null', domains)).toBe(false);
    expect(originAllowed(undefined, domains)).toBe(false);
    expect(originAllowed('https://example.com', [])).toBe(false);
  });
});
