import Handlebars from 'handlebars';

/** Pure helpers available to templates. */
export const helpers = {
  /** `{{cite sources}}` → `[^1][^3]`: footnote references to the numbered sources list. */
  cite(sources: unknown): string {
    if (!Array.isArray(sources)) return '';
    return sources.map((source: { ref: number }) => `[^${source.ref}]`).join('');
  },
  /** `{{plural n "article"}}` → `1 article`, `3 articles`. */
  plural(count: unknown, noun: unknown): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
  },
  /** `{{#if (eq a b)}}` */
  eq(a: unknown, b: unknown): boolean {
    return a === b;
  },
} as const;

const knownHelpers = Object.fromEntries(Object.keys(helpers).map((name) => [name, true]));

/**
 * The one Handlebars environment: strict (a misspelt field is an error, not an empty string),
 * only our helpers, no prototype access, no HTML escaping (values arrive escaped for Markdown).
 */
export function createTemplateEnvironment(partials: Record<string, string>): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper as Handlebars.HelperDelegate);
  for (const [name, source] of Object.entries(partials)) env.registerPartial(name, compileTemplate(env, source));
  return env;
}

/** Compiles a template with the environment's strict options. */
export function compileTemplate(env: typeof Handlebars, source: string): Handlebars.TemplateDelegate {
  return env.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: true, preventIndent: true });
}

/** Runtime options: prototype access stays off (never loosen these). */
export const runtimeOptions: Handlebars.RuntimeOptions = {
  allowProtoMethodsByDefault: false,
  allowProtoPropertiesByDefault: false,
};
