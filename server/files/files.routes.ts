import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Guard } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { Http } from '../platform/http.ts';
import { filePart, multipartError } from '../platform/multipart.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { FileStore } from './file-store.ts';
import { PhotoBytes, PhotoParams, PhotoReply } from './files.schemas.ts';
import { MAX_PHOTO_BYTES, sniffImage } from './images.core.ts';

/** Multipart limits of a photo upload: one file, refused past the size limit while it streams in. */
export const PHOTO_UPLOAD = { limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } };

/** Takes the one photo of a multipart request, checked by content and size, and stores it; the citizens' upload uses it too. */
export async function receivePhoto(request: FastifyRequest, files: FileStore) {
  const part = await filePart(request);
  if (!part) throw new AppError('file.missing', [{ field: 'file', reason: 'required' }]);
  const bytes = await part.toBuffer().catch((e: { code?: string }) => {
    if (e.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('file.too_large', [{ field: 'file', reason: 'size', value: `${MAX_PHOTO_BYTES} bytes max` }]);
    throw multipartError(e);
  });
  const contentType = sniffImage(bytes);
  if (!contentType) throw new AppError('file.not_an_image', [{ field: 'file', reason: 'content_type', value: part.filename }]);
  return { key: await files.put(bytes), contentType, size: bytes.length };
}

/** Photo upload (checked by content and size) and download; events and records refer to photos by key. */
export async function filesRoutes(app: Http, { files, guard }: { files: FileStore; guard: Guard }) {
  await app.register(multipart, PHOTO_UPLOAD);

  app.post(
    '/api/files/photos',
    {
      schema: {
        tags: ['files'],
        summary: '上传照片 Upload one photo (multipart field "file"; JPEG, PNG or WebP, ≤ 10 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: PhotoReply, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request, reply) => reply.status(201).send(await receivePhoto(request, files)),
  );

  app.get(
    '/api/files/photos/:key',
    {
      schema: { tags: ['files'], summary: '查看照片 A photo by key', params: PhotoParams, response: { 200: PhotoBytes, ...errorReplies } },
      onRequest: guard(),
    },
    async (request, reply) => {
      const bytes = await files.get(request.params.key);
      if (!bytes) throw new AppError('file.not_found');
      return reply
        .type(sniffImage(bytes) ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(bytes);
    },
  );
}
