import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { BriefError, ExitCode } from '../errors.js';
import type { Theme } from './theme.js';

export type FontRole = keyof Theme['fonts'];
/** Font file bytes by role, ready to register with pdfkit. */
export type FontSet = Record<FontRole, Buffer>;

const dejavuDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** A font name is a DejaVu face (`DejaVuSerif-Bold`) or a TTF path relative to the template. */
export function resolveFontFile(name: string, templateDir: string): string {
  return /\.(ttf|otf)$/i.test(name) ? resolve(templateDir, name) : join(dejavuDir, `${name}.ttf`);
}

/** Reads the theme's fonts (TrueType; pdfkit subsets and embeds them). */
export async function loadFonts(theme: Theme, templateDir: string): Promise<FontSet> {
  const entries = await Promise.all(
    Object.entries(theme.fonts).map(async ([role, name]) => {
      const file = resolveFontFile(name, templateDir);
      try {
        return [role, await readFile(file)] as const;
      } catch {
        throw new BriefError('font-missing', `font "${name}" not found (${file})`, {
          exitCode: ExitCode.noInput,
          location: { file: join(templateDir, 'theme.yaml') },
          hint: 'name a DejaVu face such as DejaVuSerif, or a .ttf file beside the theme',
        });
      }
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}

/** The theme's cover logo (PNG or JPEG beside the template), when it names one. */
export async function loadLogo(theme: Theme, templateDir: string): Promise<Buffer | undefined> {
  if (!theme.logo) return undefined;
  const file = resolve(templateDir, theme.logo);
  try {
    return await readFile(file);
  } catch {
    throw new BriefError('logo-missing', `logo "${theme.logo}" not found (${file})`, { exitCode: ExitCode.noInput, location: { file: join(templateDir, 'theme.yaml') } });
  }
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
