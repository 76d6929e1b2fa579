import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { BriefError, ExitCode, type Problem } from '../errors.js';
import { parseConfigYaml } from '../yaml/read-yaml.js';
import type { Theme } from './theme.js';

export type FontRole = keyof Theme['fonts'];
/** Font file bytes by role, ready to register with pdfkit. */
export type FontSet = Record<FontRole, Buffer>;

const dejavuDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A font name is a DejaVu face (`DejaVuSerif-Bold`) or a TTF path relative to the template. */
export function resolveFontFile(name: string, templateDir: string): string {
  return /\.(ttf|otf)$/i.test(name) ? resolve(templateDir, name) : join(dejavuDir, `${name}.ttf`);
}

/**
 * Where theme settings are written in the template's theme.yaml, for messages about them (the
 * file alone when a setting is not written there): the file read and parsed once for them all.
 */
async function themeLocator(templateDir: string): Promise<(path: readonly string[]) => Problem> {
  const file = join(templateDir, 'theme.yaml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const fileOnly = { file, message: '' };
  let source: ReturnType<typeof parseConfigYaml> | undefined;
  try {
    source = text === undefined ? undefined : parseConfigYaml(text, file);
  } catch {
    source = undefined;
  }
  return (path) => {
    try {
      return source?.locate(path, 'value') ?? fileOnly;
    } catch {
      return fileOnly;
    }
  };
}

/**
 * Reads the files a theme names, its fonts by role and (with `logo`) its logo. Each that cannot be
 * read (absent, a folder, unreadable) is a problem at its line in theme.yaml; then the error names
 * every one, fonts first, the same at every run.
 */
async function readThemeFiles(theme: Theme, templateDir: string, logo: boolean): Promise<{ fonts: FontSet; logo: Buffer | undefined }> {
  const named = [
    ...Object.entries(theme.fonts).map(([role, name]) => ({ path: ['fonts', role], what: `font "${name}"`, file: resolveFontFile(name, templateDir) })),
    ...(logo && theme.logo ? [{ path: ['logo'], what: `logo "${theme.logo}"`, file: resolve(templateDir, theme.logo) }] : []),
  ];
  const read = await Promise.all(named.map(({ file }) => readFile(file).catch(() => undefined)));
  const missing = named.filter((_, index) => read[index] === undefined);
  if (missing.length > 0) {
    const locate = await themeLocator(templateDir);
    const problems = missing.map(({ path, what, file }) => ({ ...locate(path), message: `${path.join('.')}: ${what} not found (${file})` }));
    throw new BriefError(missing.every(({ path }) => path[0] === 'logo') ? 'logo-missing' : 'font-missing', problems[0]!.message, {
      exitCode: ExitCode.noInput,
      location: problems[0]!,
      problems,
      hint: 'name a DejaVu face such as DejaVuSerif, or a .ttf file beside the theme; a logo is a PNG or JPEG beside it',
    });
  }
  const byPath = new Map(named.map(({ path }, index) => [path.join('.'), read[index]!]));
  return { fonts: Object.fromEntries(Object.keys(theme.fonts).map((role) => [role, byPath.get(`fonts.${role}`)!])) as FontSet, logo: byPath.get('logo') };
}

/** Reads the theme's fonts (TrueType; pdfkit subsets and embeds them). */
export async function loadFonts(theme: Theme, templateDir: string): Promise<FontSet> {
  return (await readThemeFiles(theme, templateDir, false)).fonts;
}

/** The theme's fonts and its cover logo (PNG or JPEG beside the template), when it names one. */
export async function loadThemeFiles(theme: Theme, templateDir: string): Promise<{ fonts: FontSet; logo: Buffer | undefined }> {
  return readThemeFiles(theme, templateDir, true);
}

/**
 * PNG and JPEG files a template's Markdown names as images, relative to the template folder (URLs
 * and other formats are left out: the PDF shows their alt text).
 */
export async function loadImages(urls: readonly string[], templateDir: string): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  for (const url of urls) {
    if (/^[a-z]+:/i.test(url) || !/\.(png|jpe?g)$/i.test(url)) continue;
    const bytes = await readFile(resolve(templateDir, url)).catch(() => undefined);
    if (bytes) images.set(url, bytes);
  }
  return images;
}
