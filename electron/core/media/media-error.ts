/** A file or stream that cannot be read as an image or video; the message says why, in one line. */
export class MediaError extends Error {
  override name = 'MediaError';
}
