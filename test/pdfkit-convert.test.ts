import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-JS build script, without types
import { convertNumbersFirst } from '../scripts/pdfkit-convert.js';
import { repoRoot, runCli, sampleBrief, spawnCli, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const pdfkitSource = join(repoRoot, 'node_modules', 'pdfkit', 'js', 'pdfkit.node.mjs');

interface PdfkitInternals {
  PDFObject: { convert(value: unknown): string };
  PDFDocument: new (options?: object) => { ref(data?: object): unknown; end(): void };
  PDFNameTree: new () => { add(key: string, value: unknown): void };
  SpotColor: new (doc: unknown, name: string, ...cmyk: number[]) => unknown;
}

/** pdfkit bundled as the CLI bundles it, with its PDFObject exported; `patched`: with convertNumbersFirst. */
async function bundledPdfkit(patched: boolean): Promise<PdfkitInternals> {
  const exportInternals: Plugin = {
    name: 'export-internals',
    setup(b) {
      b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        // pdfkit's own files (fonts, colour profile) are found from its module URL: the installed one's.
        const url = `var __pdfkitUrl = ${JSON.stringify(pathToFileURL(args.path).href)};\n`;
        return { contents: `${url}${(patched ? convertNumbersFirst(source) : source).replaceAll('import.meta.url', '__pdfkitUrl')}\nexport { PDFObject, PDFNameTree, SpotColor };`, loader: 'js' };
      });
    },
  };
  const entry = "export { PDFObject, PDFNameTree, SpotColor, default as PDFDocument } from 'pdfkit';";
  const { outputFiles } = await build({ stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'entry.js' }, bundle: true, format: 'cjs', platform: 'node', write: false, plugins: [exportInternals], logLevel: 'silent' });
  const file = join(await tempDir(), `pdfkit-${patched ? 'patched' : 'as-is'}.cjs`);
  await writeFile(file, outputFiles[0]!.text);
  return require(file) as PdfkitInternals;
}

/** Every kind of value pdfkit writes, made with one bundle's classes (a reference is its own class's). */
function values({ PDFDocument, PDFNameTree, SpotColor }: PdfkitInternals): unknown[] {
  const doc = new PDFDocument({ autoFirstPage: false });
  const ref = doc.ref({ Type: 'Annot' });
  const tree = new PDFNameTree();
  tree.add('a', ref);
  const numbers = [0, 1, -1, 595.28, 841.8897637795277, 1e-7, 0.1 + 0.2, -12.3456789, 2 ** 31, 1e20, Number.MIN_VALUE];
  return [
    ...numbers,
    'Link',
    new String('https://example.org/a?b=(c)'),
    new String('Kyiv — Київ'),
    new Uint8Array([0, 15, 255]),
    ref,
    tree,
    new SpotColor(doc, 'Spot', 0, 50, 100, 0),
    new Date(Date.UTC(2026, 0, 25, 12, 30, 5)),
    null,
    true,
    [1.5, ref, 'Name', [0, 0, 0], { S: 'URI' }, undefined],
    { Type: 'Annot', Subtype: 'Link', Rect: [72.1234567, 700, 140.5, 712], Border: [0, 0, 0], A: { S: 'URI', URI: new String('https://x.example') }, P: ref, Skip: undefined },
  ];
}

describe("pdfkit's PDFObject.convert, numbers and references first in the CLI's bundle (scripts/pdfkit-convert.js)", () => {
  it('applies to the pdfkit installed, which the bundle takes', async () => {
    const source = await readFile(pdfkitSource, 'utf8');
    const patched = convertNumbersFirst(source);
    expect(patched).not.toBe(source);
    expect(patched.replace("    if (typeof object === 'number') return PDFObject.number(object);\n    if (object instanceof PDFAbstractReference) return object.toString();\n", '')).toBe(source);
  });

  it('writes every kind of value as pdfkit does', async () => {
    const [asIs, patched] = await Promise.all([bundledPdfkit(false), bundledPdfkit(true)]);
    // A number converts to a number (pdfkit's PDFObject.number), joined into text by its caller.
    const written = (pdfkit: PdfkitInternals) => values(pdfkit).map((value) => String(pdfkit.PDFObject.convert(value)));
    const expected = written(asIs);
    expect(written(patched)).toEqual(expected);
    // The values reach each branch: numbers, a name, strings, bytes, references, a tree, a date, an array, dictionaries.
    expect(expected.slice(0, 5)).toEqual(['0', '1', '-1', '595.28', '841.889764']);
    expect(expected).toEqual(expect.arrayContaining(['/Link', '(https://example.org/a?b=\\(c\\))', '<000fff>', '(D:20260125123005Z)', 'null', 'true']));
    expect(expected.filter((text) => /^\d+ 0 R$/.test(text))).toHaveLength(2);
    expect(expected.filter((text) => text.startsWith('<<'))).toHaveLength(2);
    expect(expected.filter((text) => text.startsWith('['))).toHaveLength(1);
  });

  it('leaves the built CLI writing the PDF the library writes, byte for byte', async () => {
    const [cliOut, libraryOut] = await Promise.all([tempDir(), tempDir()]);
    const cli = await spawnCli(['generate', sampleBrief, '--out', cliOut, '--no-store', '-q']);
    expect(cli.code, cli.stderr).toBe(0);
    const library = await runCli(['generate', sampleBrief, '--out', libraryOut, '--no-store', '-q']);
    expect(library.code, library.stderr).toBe(0);
    const pdf = (dir: string) => readFile(join(dir, 'ukraine-weekly', '2026-W04', 'ukraine-weekly-2026-W04.pdf'));
    expect((await pdf(cliOut)).equals(await pdf(libraryOut))).toBe(true);
  });
});
