/**
 * The part of s3rver 3.7 (a local S3 server on Koa, no types of its own) that tests/support/s3.ts
 * uses. `middleware` is Koa's list, composed when the server starts listening.
 */
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export interface S3rverContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    headers: Record<string, string | string[] | undefined>;
    status: number;
    type: string;
    body: unknown;
    req: IncomingMessage;
    res: ServerResponse;
  }

  export type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => unknown;

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  /** s3rver's FilesystemStore (lib/stores/filesystem.js), the one instance its requests use. */
  export interface S3rverStore {
    putObject(object: { bucket: string; key: string }): Promise<{ size: number; md5: string }>;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    middleware: S3rverMiddleware[];
    store: S3rverStore;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
