import type { Problem } from '../errors.js';
import type { FieldMap } from '../sources/read-json.js';
import type { PeriodSpec } from '../period/period.js';
import type { Topic } from '../topics/topic.js';
import type { AnalystInput, EmailInput, Format } from './schema.js';

/** A source entry: files (a glob resolved against the brief's folder) or a feed URL. */
export interface SourceSpec {
  /** As written in the brief (the path or the feed URL). */
  path: string;
  /** Absolute file, folder or glob; undefined for a feed. */
  resolved?: string;
  feed?: string;
  published?: string;
  publisher?: string;
  fields?: FieldMap;
  oversize?: 'skip' | 'truncate';
  /** Where the entry is in the brief, for messages. */
  location: Problem;
}

/** A brief after validation and normalisation: defaults filled, topics and paths resolved. */
export interface Brief {
  file: string;
  dir: string;
  id: string;
  title: string;
  subtitle: string;
  organization: string;
  audience: string;
  classification: string;
  timezone: string;
  period: PeriodSpec;
  sources: SourceSpec[];
  topics: Topic[];
  limits: { developments: number; quotes: number };
  template: string;
  formats: Format[];
  analyst: AnalystInput;
  email?: EmailInput;
  /** Where the email block starts in the brief file (for messages about recipients). */
  emailLocation?: Problem;
}

export const defaultLimits = { developments: 10, quotes: 3 } as const;
