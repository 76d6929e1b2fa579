import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
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

/** Where a theme setting is written in the template's theme.yaml, for a message about it (the file alone when it is not written). */
async function themeLocation(templateDir: string, path: readonly string[]): Promise<Problem> {
  const file = join(templateDir, 'theme.yaml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { file, message: '' };
  try {
    return parseConfigYaml(text, file).locate(path, 'value');
  } catch {
    return { file, message: '' };
  }
}

/** The font and logo files a theme names that cannot be read: one problem each, at its line in theme.yaml. */
export async function missingThemeFiles(theme: Theme, templateDir: string): Promise<Problem[]> {
  const named = [
    ...Object.entries(theme.fonts).map(([role, name]) => ({ path: ['fonts', role], file: resolveFontFile(name, templateDir), what: `font "${name}"` })),
    ...(theme.logo ? [{ path: ['logo'], file: resolve(templateDir, theme.logo), what: `logo "${theme.logo}"` }] : []),
  ];
  const problems: Problem[] = [];
  for (const { path, file, what } of named) {
    // A readable file: a folder of that name is as missing as no file (reading it fails alike).
    const readable = await stat(file).then((info) => info.isFile() && access(file, constants.R_OK).then(() => true), () => false).catch(() => false);
    if (readable) continue;
    problems.push({ ...(await themeLocation(templateDir, path)), message: `${path.join('.')}: ${what} not found (${file})` });
  }
  return problems;
}

/** The error for a theme's files that cannot be read: every one of them, with its place in theme.yaml. */
export function themeFilesError(problems: readonly Problem[]): BriefError {
  const code = problems.every((problem) => problem.message.startsWith('logo:')) ? 'logo-missing' : 'font-missing';
  return new BriefError(code, problems[0]!.message, {
    exitCode: ExitCode.noInput,
    location: problems[0]!,
    problems: [...problems],
    hint: 'name a DejaVu face such as DejaVuSerif, or a .ttf file beside the theme; a logo is a PNG or JPEG beside it',
  });
}

/** Reads the theme's fonts (TrueType; pdfkit subsets and embeds them). */
export async function loadFonts(theme: Theme, templateDir: string): Promise<FontSet> {
  const entries = await Promise.all(Object.entries(theme.fonts).map(async ([role, name]) => [role, await readFile(resolveFontFile(name, templateDir)).catch(() => undefined)] as const));
  const missing = entries.filter(([, bytes]) => bytes === undefined).map(([role]) => role);
  if (missing.length > 0) throw themeFilesError((await missingThemeFiles(theme, templateDir)).filter((problem) => missing.some((role) => problem.message.startsWith(`fonts.${role}:`))));
  return Object.fromEntries(entries) as FontSet;
}

/** The theme's cover logo (PNG or JPEG beside the template), when it names one. */
export async function loadLogo(theme: Theme, templateDir: string): Promise<Buffer | undefined> {
  if (!theme.logo) return undefined;
  const bytes = await readFile(resolve(templateDir, theme.logo)).catch(() => undefined);
  if (bytes === undefined) throw themeFilesError((await missingThemeFiles(theme, templateDir)).filter((problem) => problem.message.startsWith('logo:')));
  return bytes;
}

/** The theme's fonts and logo; when any is missing, one error naming every one missing, fonts first, the same at every run. */
export async function loadThemeFiles(theme: Theme, templateDir: string): Promise<{ fonts: FontSet; logo: Buffer | undefined }> {
  const [fonts, logo] = await Promise.allSettled([loadFonts(theme, templateDir), loadLogo(theme, templateDir)]);
  if (fonts.status === 'fulfilled' && logo.status === 'fulfilled') return { fonts: fonts.value, logo: logo.value };
  const missing = await missingThemeFiles(theme, templateDir);
  if (missing.length > 0) throw themeFilesError(missing);
  throw fonts.status === 'rejected' ? fonts.reason : (logo as PromiseRejectedResult).reason;
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
