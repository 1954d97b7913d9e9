// Decodes the bytes of a workspace file into text, or explains why the file is not read:
// it is binary, too large, or not valid UTF-8 (or UTF-16 with a byte order mark). The CLI
// and the language server both read files through this, so both report the same problem.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, createDiagnostic } from './diagnostics';

/** Default size limit: 5 MiB, far larger than a hand-written QMS record. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Bytes searched for a NUL byte, which text files do not contain, to detect binary files. */
const BINARY_CHECK_LENGTH = 8 * 1024;

const START_OF_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface FileLimits {
  /** Largest file read, in bytes; larger files get a `file-too-large` diagnostic. */
  maxBytes?: number;
}

/**
 * Decodes file bytes as UTF-8, or as UTF-16 when they start with a UTF-16 byte order mark.
 * A byte order mark stays at the start of the text, so `createSourceFile` can record it.
 * Returns a diagnostic at the start of the file when the content is not read.
 */
export function decodeFileContent(
  bytes: Uint8Array,
  uri: string,
  limits: FileLimits = {},
): { text: string } | { diagnostic: Diagnostic } {
  const name = fileName(uri);
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_FILE_SIZE;
  if (bytes.length > maxBytes) {
    const message =
      `${name} is ${formatSize(bytes.length)}, larger than the limit of ${formatSize(maxBytes)}, ` +
      'so it is not checked. To check it, raise the limit with the competencyLens.maxFileSize ' +
      'setting or the --max-file-size option of the CLI (in bytes).';
    return failure(DIAGNOSTIC_CODES.fileTooLarge, message);
  }

  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, name);

  if (bytes.subarray(0, BINARY_CHECK_LENGTH).includes(0)) {
    const message =
      `${name} contains NUL bytes, so it is a binary file and not checked. ` +
      'Exclude it from the checked files, or save it as UTF-8 text.';
    return failure(DIAGNOSTIC_CODES.binaryFile, message);
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const invalidAt = findInvalidUtf8(bytes) ?? 0;
    const line = lineOfByte(bytes, invalidAt);
    const byte = (bytes[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const message =
      `${name} is not valid UTF-8: byte 0x${byte} at offset ${invalidAt} (line ${line}) ` +
      'starts no valid character. Save the file with UTF-8 encoding.';
    return failure(DIAGNOSTIC_CODES.invalidEncoding, message);
  }
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  name: string,
): { text: string } | { diagnostic: Diagnostic } {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const message =
      `${name} starts with a UTF-16 byte order mark but is not valid UTF-16. ` +
      'Save the file with UTF-8 encoding.';
    return failure(DIAGNOSTIC_CODES.invalidEncoding, message);
  }
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Returns the offset of the first byte that starts no valid UTF-8 sequence, or undefined
 * when all bytes are valid. Overlong forms, surrogates and code points above U+10FFFF are
 * invalid.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return undefined;
}

/** Length of the valid multi-byte sequence at `i`, or 0 when it is not valid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  // The allowed range of the second byte excludes overlong forms (after 0xE0 and 0xF0),
  // UTF-16 surrogates (after 0xED) and code points above U+10FFFF (after 0xF4).
  let length: number;
  let secondMin = 0x80;
  let secondMax = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) length = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  else return 0;
  if (lead === 0xe0) secondMin = 0xa0;
  if (lead === 0xed) secondMax = 0x9f;
  if (lead === 0xf0) secondMin = 0x90;
  if (lead === 0xf4) secondMax = 0x8f;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < secondMin || second > secondMax) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** 1-based line of a byte offset: one more than the line feeds before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${bytes} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`;
  return `${bytes} bytes`;
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || 'The file';
  } catch {
    return last || 'The file';
  }
}

function failure(code: string, message: string): { diagnostic: Diagnostic } {
  return { diagnostic: createDiagnostic(START_OF_FILE, DiagnosticSeverity.Error, code, message) };
}
