import { Type } from '@sinclair/typebox';

export const PhotoKey = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: '照片键 SHA-256 of the content',
  example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
});
export const PhotoParams = Type.Object({ key: PhotoKey });

export const PhotoReply = Type.Object({
  key: PhotoKey,
  contentType: Type.String({ description: '图片类型 Detected image type', example: 'image/jpeg' }),
  size: Type.Integer({ description: '字节数 Bytes', example: 284311 }),
});

export const PhotoBytes = Type.Unknown({ description: 'The image bytes' });
