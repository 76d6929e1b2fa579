import Handlebars from 'handlebars';
import { monthName } from '../period/period.js';
import { compiledSpec, type TemplateCacheSettings } from './template-cache.js';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Handlebars passes an options object last; helpers drop it. */
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1);
}

/**
 * The pure helpers available to templates (and nothing else: knownHelpersOnly). Every value a
 * helper receives is already escaped for Markdown, and nothing a helper returns unescapes it.
 */
export const helpers = {
  /** `{{cite sources}}` → `[^1][^3]`: footnote references to the numbered sources list. */
  cite(sources: unknown): string {
    if (!Array.isArray(sources)) return '';
    return sources.map((source: { ref: number }) => `[^${source.ref}]`).join('');
  },
  /** `{{plural n "article"}}` → `1 article`, `3 articles`; `{{plural n "country" "countries"}}`. */
  plural(...list: unknown[]): string {
    const [count, singular, plural] = args(list);
    return `${count} ${count === 1 ? singular : (plural ?? `${singular}s`)}`;
  },
  /** `{{ordinal 2}}` → `2nd`. */
  ordinal(n: unknown): string {
    const value = Number(n);
    const tens = value % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
    return `${value}${suffix}`;
  },
  /** `{{date "2026-01-25" "long"}}`: long `25 January 2026`, short `25 Jan 2026`, weekday `Sunday 25 January 2026`, month `January 2026`, iso. */
  date(...list: unknown[]): string {
    const [value, format = 'long'] = args(list) as [string, string?];
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (!match) return String(value ?? '');
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const month = monthName(m);
    switch (format) {
      case 'iso':
        return String(value);
      case 'short':
        return `${d} ${month.slice(0, 3)} ${y}`;
      case 'month':
        return `${month} ${y}`;
      case 'weekday':
        return `${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${month} ${y}`;
      default:
        return `${d} ${month} ${y}`;
    }
  },
  /** `{{join analyst.watch "; "}}` → the items joined (default ", "). */
  join(...list: unknown[]): string {
    const [items, separator = ', '] = args(list);
    return Array.isArray(items) ? items.map(String).join(String(separator)) : '';
  },
  /** `{{percent 0.912}}` → `91%`; `{{percent 0.912 1}}` → `91.2%`. */
  percent(...list: unknown[]): string {
    const [value, digits = 0] = args(list);
    return `${(Number(value) * 100).toFixed(Number(digits))}%`;
  },
  /** `{{#each (limit quotes 2)}}`: the first n items of a list. */
  limit(...list: unknown[]): unknown[] {
    const [items, n] = args(list);
    return Array.isArray(items) ? items.slice(0, Math.max(0, Number(n))) : [];
  },
  /** `{{#each (strongest developments 3)}}`: the n items with the lowest `rank` (the strongest), in the list's order. */
  strongest(...list: unknown[]): unknown[] {
    const [items, n] = args(list);
    if (!Array.isArray(items)) return [];
    const rankOf = (item: unknown) => (item !== null && typeof item === 'object' && typeof (item as { rank?: unknown }).rank === 'number' ? (item as { rank: number }).rank : Infinity);
    const kept = new Set([...items].sort((a, b) => rankOf(a) - rankOf(b)).slice(0, Math.max(0, Number(n))));
    return items.filter((item) => kept.has(item));
  },
  /** `{{#if (eq a b)}}` */
  eq(...list: unknown[]): boolean {
    const [a, b] = args(list);
    return a === b;
  },
  /** `{{#if (and a b)}}` */
  and(...list: unknown[]): boolean {
    return args(list).every(Boolean);
  },
  /** `{{#if (or a b)}}` */
  or(...list: unknown[]): boolean {
    return args(list).some(Boolean);
  },
  /** `{{#if (not a)}}` */
  not(value: unknown): boolean {
    return !value;
  },
} as const;

/** Block helpers Handlebars provides that templates may use. `lookup`, `log` and decorators are not among them. */
export const builtinBlockHelpers = ['if', 'unless', 'each', 'with'] as const;

const knownHelpers = Object.fromEntries([...Object.keys(helpers), ...builtinBlockHelpers].map((name) => [name, true]));

/**
 * The one Handlebars environment: strict (a misspelt field is an error, not an empty string),
 * only our helpers, no prototype access, no HTML escaping (values arrive escaped for Markdown).
 */
export function createTemplateEnvironment(partials: Record<string, string>): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) env.registerHelper(name, helper as Handlebars.HelperDelegate);
  // Remove the built-ins templates must not reach: lookup walks arbitrary properties, log writes to the console.
  env.unregisterHelper('lookup');
  env.unregisterHelper('log');
  for (const [name, source] of Object.entries(partials)) env.registerPartial(name, compileTemplate(env, source));
  return env;
}

/** What Handlebars' runtime asks of a template it runs as a partial or a block's program, beside calling it. */
interface RunnableTemplate extends Handlebars.TemplateDelegate {
  _setup(options: unknown): unknown;
  _child(...args: unknown[]): unknown;
}

/**
 * Compiles a template with the environment's strict options, as `env.compile` does: at its first
 * use (a partial never used is never compiled, nor its mistakes thrown), to the same JavaScript.
 * That JavaScript comes from the template cache (src/markdown/template-cache.ts) when this text
 * was compiled before.
 */
export function compileTemplate(env: typeof Handlebars, source: string, settings?: TemplateCacheSettings): Handlebars.TemplateDelegate {
  // Fresh each time: Handlebars adds to the options it is given.
  const options = () => ({ strict: true, knownHelpersOnly: true, knownHelpers, noEscape: true, preventIndent: true });
  let compiled: RunnableTemplate | undefined;
  // Typed as a specification, precompile's result is its source text (Handlebars' typings say otherwise).
  const precompile = () => env.precompile(source, options()) as unknown as string;
  const load = () => (compiled ??= env.template(compiledSpec(source, options(), precompile, settings) as Parameters<typeof env.template>[0]) as RunnableTemplate);
  const template = function (this: unknown, context: unknown, execOptions?: Handlebars.RuntimeOptions) {
    return load().call(this, context, execOptions);
  } as RunnableTemplate;
  template._setup = (setupOptions) => load()._setup(setupOptions);
  template._child = (...args) => load()._child(...args);
  return template;
}

/** Runtime options: prototype access stays off (never loosen these). */
export const runtimeOptions: Handlebars.RuntimeOptions = {
  allowProtoMethodsByDefault: false,
  allowProtoPropertiesByDefault: false,
};
