import type { z } from 'zod';
import type { Problem } from '../errors.js';
import type { YamlSource } from '../yaml/read-yaml.js';
import { closest } from '../text/closest.js';

/** Turns schema issues into `file:line:col` problems; unknown keys get a "did you mean". */
export function toProblems(issues: readonly z.core.$ZodIssue[], source: YamlSource, knownKeys: (path: readonly PropertyKey[]) => string[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closest(key, knownKeys(issue.path));
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
        problems.push({ ...source.locate([...issue.path, key], 'key'), message: `unknown key "${key}"${hint}` });
      }
      continue;
    }
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    problems.push({ ...source.locate(issue.path), message: `${where}${issue.message}` });
  }
  return problems;
}
