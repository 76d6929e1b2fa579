/**
 * Set by scripts/bundle.js in the CLI's bundle (dist/brief-main.cjs): the SHA-256 of the bundle's
 * own text, so it names exactly the code that runs, dependencies included. Undeclared elsewhere.
 */
declare const __BRIEF_BUILD_ID__: string | undefined;

/**
 * The identity of the running code, for caches of what that code computed (src/memoize-analysis.ts);
 * undefined when it is not the built bundle (tsc's modules, the tests' sources): such code may be
 * edited between two runs without a new identity, so nothing it computed is kept.
 */
export const buildId: string | undefined = typeof __BRIEF_BUILD_ID__ === 'string' ? __BRIEF_BUILD_ID__ : undefined;
