import type { z } from 'zod';
import type { Problem } from '../errors.js';
import type { YamlSource } from '../yaml/read-yaml.js';
import { closest } from '../text/closest.js';

/**
 * Turns schema issues into `file:line:col` problems; unknown keys get a "did you mean": where
 * `meant` says a word for a setting that lives elsewhere goes, else the known key it is a typo of.
 */
export function toProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  knownKeys: (path: readonly PropertyKey[]) => string[],
  meant: (key: string, path: readonly PropertyKey[]) => string | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        // A word for a setting that lives elsewhere is that, not a typo of a short key ("to", "id").
        const other = meant(key, issue.path);
        const suggestion = other === undefined ? closest(key, knownKeys(issue.path)) : undefined;
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : other ? ` (${other})` : '';
        problems.push({ ...source.locate([...issue.path, key], 'key'), message: `unknown key "${key}"${hint}` });
      }
      continue;
    }
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    problems.push({ ...source.locate(issue.path), message: `${where}${issue.message}` });
  }
  return problems;
}
