/** A multipart/form-data body with one file in the field "file", for app.inject. */
export function multipartFile(bytes: Buffer, filename: string, type = 'application/octet-stream') {
  const boundary = '----gezhi-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
