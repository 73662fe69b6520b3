import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../errors.ts';

/** Rejects request bodies over `maxBytes` with 413 problem+json (by Content-Length, or while streaming). */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError(413, 'Payload Too Large', `Request bodies are limited to ${maxBytes} bytes`);
    },
  });
}
