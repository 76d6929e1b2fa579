import { extname } from 'node:path';

export type Format = 'markdown' | 'text' | 'html' | 'feed' | 'json' | 'jsonl';

const byExtension: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Magic numbers of files that are never articles. */
const binarySignatures = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

/**
 * True for bytes that are not text: a known binary signature, or NULs making up more than 1% of
 * the first 8 KiB (a stray NUL in a text file is stripped later, not a reason to drop the file).
 */
export function isBinary(bytes: Uint8Array): boolean {
  if (binarySignatures.some((signature) => signature.every((byte, i) => bytes[i] === byte))) return true;
  const head = bytes.subarray(0, 8192);
  let nuls = 0;
  for (const byte of head) if (byte === 0) nuls++;
  return nuls > Math.max(1, head.length * 0.01);
}

/**
 * The format of a text file, from its content where that is unambiguous (a saved page named
 * .txt is still HTML), else from its extension. Undefined when neither says.
 */
export function detectFormat(text: string, file: string): Format | undefined {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (/^---\r?\n/.test(head)) return 'markdown';
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head) || /^<(rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype html|html)\b/i.test(head)) return 'html';
  const extension = byExtension[extname(file).toLowerCase()];
  if (extension === 'json' || extension === 'jsonl') return extension;
  if (/^[[{]/.test(head)) return /^\{[^\n]*\}\r?\n\s*\{/.test(text.slice(0, 65536)) ? 'jsonl' : 'json';
  return extension;
}
