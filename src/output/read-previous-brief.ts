import { readFile } from 'node:fs/promises';
import type { Period } from '../period/period.js';
import { outputFolder } from './write-outputs.js';
import { join } from 'node:path';

/**
 * The previous period's brief (its JSON view model), if it was generated into the same output
 * folder: the development texts "new since last brief" is measured against.
 */
export async function readPreviousBrief(outDir: string, briefId: string, previous: Period): Promise<{ label: string; developments: string[] } | undefined> {
  const file = join(outputFolder(outDir, briefId, previous.label), `${briefId}-${previous.label}.json`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  const topics = (data as { topics?: { developments?: { text?: unknown }[] }[] }).topics;
  if (!Array.isArray(topics)) return undefined;
  const developments = topics.flatMap((topic) => (Array.isArray(topic.developments) ? topic.developments : [])).flatMap((d) => (typeof d.text === 'string' ? [d.text] : []));
  return { label: previous.label, developments };
}
