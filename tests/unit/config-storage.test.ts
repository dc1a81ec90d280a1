import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseStorageUrl } from '../../src/config.ts';

describe('AP-2 STORAGE_URL: where documents are stored (ADR 0037)', () => {
  it('AP-2 s3://bucket/prefix names a bucket and a prefix without slashes at the ends', () => {
    expect(parseStorageUrl('s3://hellowork-docs/mypage/files')).toEqual({
      bucket: 'hellowork-docs',
      prefix: 'mypage/files',
    });
    expect(parseStorageUrl('s3://hellowork-docs/mypage/')).toEqual({
      bucket: 'hellowork-docs',
      prefix: 'mypage',
    });
    expect(parseStorageUrl('s3://hellowork-docs//a//b')).toEqual({ bucket: 'hellowork-docs', prefix: 'a/b' });
    expect(parseStorageUrl('s3://hellowork-docs')).toEqual({ bucket: 'hellowork-docs', prefix: '' });
    expect(parseStorageUrl('s3://hellowork-docs/')).toEqual({ bucket: 'hellowork-docs', prefix: '' });
    expect(parseStorageUrl('S3://docs.example.jp/x')).toEqual({ bucket: 'docs.example.jp', prefix: 'x' });
  });

  it('AP-2 an unknown scheme or a malformed URL is refused with what is wrong', () => {
    expect(() => parseStorageUrl('gs://bucket/prefix')).toThrow(/unknown scheme "gs:".*only s3:\/\//);
    expect(() => parseStorageUrl('file:///srv/files')).toThrow(/unknown scheme "file:"/);
    expect(() => parseStorageUrl('/srv/files')).toThrow(/must be a URL such as s3:\/\/bucket\/prefix/);
    expect(() => parseStorageUrl('bucket/prefix')).toThrow(/must be a URL/);
    expect(() => parseStorageUrl('s3:bucket')).toThrow(/must be s3:\/\/bucket\/prefix/);
    expect(() => parseStorageUrl('s3://bucket/prefix?region=x')).toThrow(/without \?query/);
    expect(() => parseStorageUrl('s3://bucket/prefix#x')).toThrow(/#fragment/);
    expect(() => parseStorageUrl('s3:///prefix')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl('s3://Upper_Case/p')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl('s3://ab/p')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl(`s3://${'a'.repeat(64)}/p`)).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl('s3://-bucket/p')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl('s3://my..bucket/p')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseStorageUrl('s3://key:secret@bucket/p')).toThrow(/must not carry credentials/);
    expect(() => parseStorageUrl('s3://bucket:9000/p')).toThrow(/S3_ENDPOINT/);
    expect(() => parseStorageUrl('s3://bucket/a/../b')).toThrow(/prefix segment "\.\."/);
    expect(() => parseStorageUrl('s3://bucket/a/./b')).toThrow(/prefix segment "\."/);
    expect(() => parseStorageUrl('s3://bucket/履歴書')).toThrow(/prefix segment/);
    expect(() => parseStorageUrl('s3://bucket/a b')).toThrow(/prefix segment "a b"/);
  });

  it('AP-2 without STORAGE_URL documents stay on disk; with it, S3 settings with their defaults', () => {
    expect(loadConfig({}).objectStorage).toBeUndefined();
    expect(loadConfig({ STORAGE_URL: 's3://hellowork-docs/mypage' }).objectStorage).toEqual({
      bucket: 'hellowork-docs',
      prefix: 'mypage',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(
      loadConfig({
        STORAGE_URL: 's3://docs/p',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'ap-northeast-1',
        S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        S3_SECRET_ACCESS_KEY: 'secret-example',
      }).objectStorage,
    ).toEqual({
      bucket: 'docs',
      prefix: 'p',
      endpoint: 'http://127.0.0.1:9000',
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' },
      forcePathStyle: true,
    });
    const virtualHosted = loadConfig({
      STORAGE_URL: 's3://docs/p',
      S3_ENDPOINT: 'https://s3.example.jp',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(virtualHosted.objectStorage?.forcePathStyle).toBe(false);
    expect(
      loadConfig({ STORAGE_URL: 's3://docs/p', S3_FORCE_PATH_STYLE: 'true' }).objectStorage?.forcePathStyle,
    ).toBe(true);
  });

  it('AP-2 a bad STORAGE_URL or incomplete S3 settings stop start-up naming the variable', () => {
    const fails = (env: Record<string, string>, pattern: RegExp) => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(pattern);
    };
    fails(
      { STORAGE_URL: 'minio://docs/p' },
      /^Configuration error: STORAGE_URL has an unknown scheme "minio:".*\(got "minio:\/\/docs\/p"\)$/,
    );
    fails(
      { STORAGE_URL: 's3://Bad_Bucket' },
      /^Configuration error: STORAGE_URL names a bucket "Bad_Bucket"/,
    );
    fails(
      { STORAGE_URL: 's3://docs/p', S3_ENDPOINT: 'ftp://x' },
      /^Configuration error: S3_ENDPOINT must be a URL/,
    );
    fails(
      { STORAGE_URL: 's3://docs/p', S3_FORCE_PATH_STYLE: 'maybe' },
      /S3_FORCE_PATH_STYLE must be one of .*true, false.*\(got "maybe"\)/,
    );
    fails(
      { STORAGE_URL: 's3://docs/p', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' },
      /^Configuration error: S3_SECRET_ACCESS_KEY is required with the other/,
    );
    fails(
      { STORAGE_URL: 's3://docs/p', S3_SECRET_ACCESS_KEY: 'x' },
      /^Configuration error: S3_ACCESS_KEY_ID/,
    );
    fails({ S3_ENDPOINT: 'http://127.0.0.1:9000' }, /S3_ENDPOINT is set but STORAGE_URL is not/);
    fails({ S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, /S3_ACCESS_KEY_ID is set but STORAGE_URL is not/);
  });

  it('AP-2 a STORAGE_URL that carries credentials is refused without repeating them', () => {
    let message = '';
    try {
      loadConfig({ STORAGE_URL: 's3://AKIAEXAMPLE:very-secret@docs/p' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/STORAGE_URL must not carry credentials/);
    expect(message).not.toContain('very-secret');
  });
});
