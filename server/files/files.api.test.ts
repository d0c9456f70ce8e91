import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { MAX_PHOTO_BYTES } from './images.core.ts';

const multipart = (bytes: Buffer, filename: string, type = 'image/png') => multipartFile(bytes, filename, type);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('photos', () => {
  it('not signed in: 401', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/files/photos', ...multipart(PNG, 'a.png') })).statusCode).toBe(401);
  });

  it('stores a photo by its content hash and serves it back; the same photo twice is one file', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const first = await request({ method: 'POST', url: '/api/files/photos', ...multipart(PNG, 'a.png') });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const again = await request({ method: 'POST', url: '/api/files/photos', ...multipart(PNG, 'copy.png') });
    expect(again.json().key).toBe(first.json().key);
    const got = await request({ method: 'GET', url: `/api/files/photos/${first.json().key}` });
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a "photo" that is not an image, whatever its name and declared type', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const res = await request({
      method: 'POST',
      url: '/api/files/photos',
      ...multipart(Buffer.from('MZ this is an exe'), 'photo.jpg', 'image/jpeg'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'file.not_an_image', details: [{ field: 'file', reason: 'content_type' }] });
  });

  it('refuses an oversized photo', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await request({ method: 'POST', url: '/api/files/photos', ...multipart(big, 'big.png') });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('file.too_large');
  });

  it('answers 404 for an unknown key', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect((await request({ method: 'GET', url: `/api/files/photos/${'0'.repeat(64)}` })).json().code).toBe('file.not_found');
  });
});
