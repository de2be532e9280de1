import { InvalidInputError } from '../errors.js';
import { MAX_FILE_BYTES } from '../ingest/read-file.js';
import type { AttachedFile } from './command.js';
import { DISCORD_TEXTS } from './texts.js';

const DOWNLOAD_TIMEOUT_MS = 15_000;

/** Download a file a member attached (from Discord's CDN), refusing files over the ingest size cap. */
export async function downloadAttachment(file: AttachedFile): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) {
    throw new InvalidInputError('file-too-large', DISCORD_TEXTS.attachmentTooLarge(MAX_FILE_BYTES / 1024 / 1024));
  }
  let response: Response;
  try {
    response = await fetch(file.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new InvalidInputError('attachment-unreadable', DISCORD_TEXTS.attachmentUnreadable, { cause: error });
  }
  if (!response.ok) {
    throw new InvalidInputError('attachment-unreadable', DISCORD_TEXTS.attachmentUnreadable);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InvalidInputError('file-too-large', DISCORD_TEXTS.attachmentTooLarge(MAX_FILE_BYTES / 1024 / 1024));
  }
  return bytes;
}
