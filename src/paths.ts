import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root folder (holds templates/ and the shipped topic library). */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const builtinTopicsDir = join(packageRoot, 'briefs', 'topics');
export const builtinEntitiesFile = join(packageRoot, 'briefs', 'entities.yaml');
export const builtinTemplatesDir = join(packageRoot, 'templates');
