import { closest } from '../text/closest.js';

/** Cross-field rules: small pure functions the schema's refinements call. Each returns its problem. */

/** An unknown topic id, with a "did you mean" or the list of known ids. */
export function unknownTopic(id: string, known: readonly string[]): string | undefined {
  if (known.includes(id)) return undefined;
  const suggestion = closest(id, known);
  return `unknown topic "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ` (known: ${known.join(', ')})`}`;
}

/** Indexes (with messages) of topics listed a second time. */
export function duplicateTopic(topics: readonly (string | { id: string })[]): [number, string][] {
  const seen = new Set<string>();
  const problems: [number, string][] = [];
  topics.forEach((topic, index) => {
    const id = typeof topic === 'string' ? topic : topic.id;
    if (seen.has(id)) problems.push([index, `topic "${id}" is listed twice`]);
    seen.add(id);
  });
  return problems;
}

/** Ids in `analyst.notes` that are not topics of the brief. */
export function unknownNoteTopics(brief: { topics: readonly (string | { id: string })[]; analyst?: { notes?: Record<string, string> } | undefined }): string[] {
  const ids = new Set(brief.topics.map((topic) => (typeof topic === 'string' ? topic : topic.id)));
  return Object.keys(brief.analyst?.notes ?? {}).filter((id) => !ids.has(id));
}

/** A time zone name Intl does not know. */
export function unknownTimezone(name: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return undefined;
  } catch {
    return `unknown time zone "${name}" (use an IANA name like Europe/Madrid)`;
  }
}
