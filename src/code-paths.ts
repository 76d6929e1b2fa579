/**
 * The costly parts of the program a run went through (an analysis, a PDF, an HTML page read…),
 * which the code cache notes it holds (src/code-cache.ts). A command's first run may pass some by
 * (an analysis an earlier run made, a brief with no PDF); a cache written from it alone would
 * leave them to be compiled afresh on every later run that takes them, so a run that takes a part
 * the cache lacks writes it again.
 */
const taken = new Set<string>();

/** Notes that this run went through `part` (a name with no space or comma: "pdf", "read-html"). */
export function took(part: string): void {
  taken.add(part);
}

/** The parts this run went through so far. */
export function partsTaken(): ReadonlySet<string> {
  return taken;
}
