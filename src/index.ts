/** Briefwright's library API: everything the CLI does is callable from here. */
export { generateBrief, type GenerateOptions, type GenerateResult, type ProgressEvent } from './pipeline.js';
export { loadBrief } from './brief/load-brief.js';
export { buildBriefJsonSchema } from './brief/schema.js';
export type { Brief } from './brief/brief.js';
export { analyzeTopics } from './analysis/analyze-topics.js';
export { composeBriefing } from './briefing/compose-briefing.js';
export type { ViewModel } from './briefing/view-model.js';
export { renderMarkdown } from './markdown/render-markdown.js';
export { parseMarkdown } from './markdown/parse-markdown.js';
export { renderPdf } from './pdf/render-pdf.js';
export { resolvePeriod, type Period, type PeriodSpec } from './period/period.js';
export { collectSources } from './sources/collect-sources.js';
export { BriefError, ExitCode, formatBriefError } from './errors.js';
export { generateCommand } from './commands/generate.js';
export { validateCommand } from './commands/validate.js';
export { topicsCommand } from './commands/topics.js';
export { runCommand, processIO, type CommandIO } from './run.js';
