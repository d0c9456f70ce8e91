import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import type { FileStore } from './file-store.ts';
import { filesRoutes } from './files.routes.ts';

export { createDiskFileStore, type FileStore } from './file-store.ts';
export { PHOTO_UPLOAD, receivePhoto } from './files.routes.ts';
export { PhotoReply } from './files.schemas.ts';
/** What image these bytes are (JPEG, PNG, WebP), for a photo that arrives inside a JSON body (an alarm's snapshot). */
export { sniffImage } from './images.core.ts';

/** Photos: uploaded once, checked by content and size, stored by content hash. */
export async function createFiles({ app, files, guard }: { app: Http; files: FileStore; guard: Guard }) {
  await filesRoutes(app, { files, guard });
  return { files };
}
