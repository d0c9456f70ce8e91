import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

type FileOptions = Parameters<FastifyRequest['file']>[0];

/**
 * What the multipart parser (busboy) throws on a body that is not multipart or is broken, as the one error shape.
 * Errors that carry a 4xx status (limits, a body that is not multipart) are left to the error handler, which maps
 * them; busboy's own errors carry no status and no code, only their words ("Multipart: Boundary not found",
 * "Unexpected end of multipart data", "The needle cannot have a length bigger than 256" for a long boundary), so
 * they are known by those words.
 */
export function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e.statusCode && e.statusCode < 500) return error;
  if (typeof e.message === 'string' && /multipart|boundary|needle/i.test(e.message)) {
    return new AppError('request.malformed_multipart', [{ field: 'body', reason: 'multipart', message: e.message }]);
  }
  return error;
}

/** The first file of a multipart request, or undefined; a body that is not multipart, or is broken, is a 4xx. */
export async function filePart(request: FastifyRequest, options?: FileOptions) {
  try {
    return await request.file(options);
  } catch (error) {
    throw multipartError(error);
  }
}
