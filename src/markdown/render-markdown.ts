import type { ViewModel } from '../briefing/view-model.js';
import { BriefError } from '../errors.js';
import type { Template } from '../templates/load-template.js';
import { escapeViewModel } from './escape-markdown.js';
import { compileTemplate, createTemplateEnvironment, runtimeOptions } from './handlebars-env.js';

/** Handlebars errors carry a position in their message: "… - 12:5" or "Parse error on line 3:". */
function templateErrorLocation(message: string): { line?: number; col?: number } {
  const strict = / - (\d+):(\d+)$/m.exec(message);
  if (strict) return { line: Number(strict[1]), col: Number(strict[2]) + 1 };
  const parse = /on line (\d+)/.exec(message);
  return parse ? { line: Number(parse[1]), col: 1 } : {};
}

/**
 * Drops footnote definitions that nothing references: a template showing three developments per
 * topic lists only the sources it cites. Numbers are kept, so they match the JSON's `ref`s.
 */
export function pruneFootnotes(markdown: string): string {
  const definition = /^\[\^([^\]\s]+)\]:.*$/gm;
  const body = markdown.replace(definition, '');
  const referenced = new Set([...body.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]));
  return markdown.replace(/^\[\^([^\]\s]+)\]:.*(?:\n|$)/gm, (line, label: string) => (referenced.has(label) ? line : ''));
}

/** Fills the template with the view model (escaped for Markdown) and returns the Markdown. */
export function renderMarkdown(view: ViewModel, template: Template): string {
  try {
    const env = createTemplateEnvironment(Object.fromEntries(Object.entries(template.partials).map(([name, partial]) => [name, partial.source])));
    const markdown = compileTemplate(env, template.main)(escapeViewModel(view), runtimeOptions);
    return `${pruneFootnotes(markdown).replace(/\n{3,}/g, '\n\n').trim()}\n`;
  } catch (error) {
    if (!(error instanceof Error) || error instanceof BriefError) throw error;
    const message = error.message.split('\n')[0]!.replace(/ - \d+:\d+$/, '').replace(' in [object Object]', '');
    throw new BriefError('template', message, {
      location: { file: template.files.main, ...templateErrorLocation(error.message) },
      hint: 'templates receive the view model written to the .json output; check the field name',
    });
  }
}
