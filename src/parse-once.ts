/**
 * The options of every schema parse of a file that sets a brief up (brief, topics, entities,
 * theme, recipients, eval facts). Zod compiles each object schema into a parser with `new
 * Function` at its first parse, which pays off over many parses. A run parses each of these files
 * once, and the generated code is compiled afresh at every start: the CLI's code cache cannot hold
 * it. Without that step the values and issues are the same, and the sample brief is 1.07× faster,
 * `brief validate` 1.05× (15 interleaved pairs each).
 */
export const parseOnce = { jitless: true } as const;
