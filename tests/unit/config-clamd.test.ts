import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'production-secret-production-secret-01',
  BASE_URL: 'https://mypage.example.jp',
  SMTP_URL: 'smtp://mail.example.jp:587',
};

describe('AP-5 clamd settings (ADR 0020)', () => {
  it('AP-5 production without CLAMD_HOST does not start', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/CLAMD_HOST is required when NODE_ENV=production/);
    expect(() => loadConfig({ ...production, CLAMD_HOST: '' })).toThrow(/CLAMD_HOST/);
  });

  it('AP-5 CLAMD_HOST, CLAMD_PORT and CLAMD_TIMEOUT_MS are read, with 3310 and 30 s by default', () => {
    expect(loadConfig({ ...production, CLAMD_HOST: 'clamd.internal' }).clamd).toEqual({
      host: 'clamd.internal',
      port: 3310,
      timeoutMs: 30_000,
      source: 'env',
    });
    expect(
      loadConfig({ NODE_ENV: 'test', CLAMD_HOST: '10.0.0.5', CLAMD_PORT: '3311', CLAMD_TIMEOUT_MS: '5000' })
        .clamd,
    ).toEqual({ host: '10.0.0.5', port: 3311, timeoutMs: 5_000, source: 'env' });
  });

  it('AP-5 development without CLAMD_HOST tries clamd at 127.0.0.1:3310; tests get no scanner', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).clamd).toEqual({
      host: '127.0.0.1',
      port: 3310,
      timeoutMs: 30_000,
      source: 'default',
    });
    expect(loadConfig({}).clamd?.source).toBe('default');
    expect(loadConfig({ NODE_ENV: 'test' }).clamd).toBeUndefined();
  });

  it('AP-5 bad values name the variable', () => {
    expect(() => loadConfig({ CLAMD_PORT: '70000' })).toThrow(/CLAMD_PORT/);
    expect(() => loadConfig({ CLAMD_TIMEOUT_MS: '0' })).toThrow(/CLAMD_TIMEOUT_MS/);
    expect(() => loadConfig({ CLAMD_TIMEOUT_MS: 'soon' })).toThrow(/CLAMD_TIMEOUT_MS/);
  });
});
