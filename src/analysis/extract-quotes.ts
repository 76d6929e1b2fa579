import { createRequire } from 'node:module';
import { aliasKey, type EntityCatalog } from '../topics/topic.js';
import { tokenizeBoth } from './tokenize.js';
import { aliasCapitals, aliasMayNameAt, aliasAt, aliasesByStart, writtenWithCapitals } from './alias-starts.js';

/** A direct quotation and who said it. */
export interface FoundQuote {
  /**
   * The quoted words, verbatim, without the quotation marks; a quotation the attribution splits
   * ("“We have scaled production,” Fedorov said, “and we now make…”") is one, its parts joined by
   * QUOTE_BREAK.
   */
  text: string;
  /** Canonical name when known ("Pedro Sánchez"), else the attribution as written ("three officials"). */
  speaker: string;
}

/** What a sentence's quotes are attributed with beyond its own words: the article before it. */
export interface QuoteContext {
  /** The people the last sentence before it that names anyone names (peopleIn): whom "he said" may stand for. */
  named(): readonly string[];
  /** The article's sentences before it: where a surname used alone ("Calviño said") was given in full. */
  earlier(): readonly string[];
  /** Surnames that name someone else in the article (surnamesOfOthers): "Fedorov said" is not the catalog's Fedorov. */
  surnamesOfOthers?: ReadonlySet<string> | undefined;
}

const NO_CONTEXT: QuoteContext = { named: () => [], earlier: () => [] };

/** Quotations shorter than this are scare quotes or titles ("Board of Peace"), not statements. */
const MIN_QUOTE_WORDS = 4;

/** Between the parts of a quotation that its attribution splits: what is left out there. */
export const QUOTE_BREAK = ' … ';

/**
 * A quotation in double marks: “…”, "…", or as outlets translating from Ukrainian, Russian,
 * French or German write them: «…», „…“.
 */
const doubleQuoted = /“([^”]{3,600})”|"([^"]{3,600})"|«([^«»]{3,600})»|„([^„“”]{3,600})[“”]/g;
/**
 * A quotation in single marks, as British outlets write them: ‘…’ or '…'. The opening mark
 * follows no letter or digit ("Ukraine's" opens nothing), an apostrophe inside stands between
 * letters ("don’t"; the mark in "gave up 'the…" is no apostrophe), and the closing mark follows
 * punctuation ("…,’ he said") or precedes punctuation or the sentence's end. So a plural
 * possessive ("the allies’ plans") ends no quotation: one it would cut short is left out.
 */
const singleQuoted = /(?<![\p{L}\p{N}])['‘]([\p{L}\p{N}](?:[^'‘’"“”]|(?<=\p{L})['’](?=\p{L})){2,599}?)(?:(?<=[,.!?])['’]|['’](?=[,.;:!?)]|$))/gu;
/** An opening single mark: ‘, or ' after no letter or digit. */
const singleOpening = /‘|(?<![\p{L}\p{N}])'/u;

/** Whether a sentence may hold a quotation at all: a quick test before quotationsIn. */
export function mayQuote(sentence: string): boolean {
  return sentence.includes('"') || sentence.includes('“') || sentence.includes('«') || sentence.includes('„') || singleOpening.test(sentence);
}

/** A quotation's place in its sentence and its words, without the marks. */
interface Quotation {
  index: number;
  end: number;
  text: string;
}

/** The sentence up to `until`, each quotation that opens before it (quotationsIn) replaced by `mark`. */
export function unquotedText(sentence: string, found: readonly Quotation[], until = sentence.length, mark = ' QUOTE '): string {
  let text = '';
  let at = 0;
  for (const quotation of found) {
    if (quotation.index >= until) break;
    text += sentence.slice(at, quotation.index) + mark;
    at = quotation.end;
  }
  return text + sentence.slice(at, until);
}

/**
 * The quotations of a sentence in its order: in double marks, and in single marks outside them
 * (one inside a double-quoted one is part of it: “…from ‘unauthorized’ use…”).
 */
export function quotationsIn(sentence: string): Quotation[] {
  const found: Quotation[] = [...sentence.matchAll(doubleQuoted)].map((m) => ({ index: m.index, end: m.index + m[0].length, text: m[1] ?? m[2] ?? m[3] ?? m[4] ?? '' }));
  if (!singleOpening.test(sentence)) return found;
  // Single-quoted text cannot hold a double mark, so one that overlaps a double-quoted span lies inside it.
  const within = (index: number) => found.some((q) => index >= q.index && index < q.end);
  for (const m of sentence.matchAll(singleQuoted)) if (!within(m.index)) found.push({ index: m.index, end: m.index + m[0].length, text: m[1]! });
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Verbs that give someone's words, and the phrases that name what they said something was:
 * "Marta Kos called it “a historic day”", "described it as", "hailed it as".
 */
const speechVerbs = 'said|says|stated|states|added|adds|told|announced|warned|wrote|insisted|declared|emphasi[sz]ed|emphasi[sz]ing|stressed|urged|urging|noted|argued|asserted|confirmed|repeated|called (?:it|this|that)|(?:described|hailed) (?:it|this|that) as';

/**
 * Words between two parts of one quotation: its attribution alone (", Fedorov said, ", ", he
 * added, "), and the second part goes on in lower case.
 */
const splitByAttribution = new RegExp(`^\\s*,?\\s*(?:[\\p{L}.’'-]+\\s+){0,5}?(?:${speechVerbs})(?:\\s+[\\p{L}.’'-]+){0,5}?\\s*,\\s*$`, 'iu');
const titles = /^(?:(?:the|former|French|British|German|Spanish|Ukrainian|Russian|Chinese|US|U\.S\.|Danish|Lithuanian)\s+)*(?:President|Prime Minister|Minister|Secretary|Chancellor|Commissioner|Foreign Minister|Labour Minister|Secretary-General|Gen\.|General|Senator|Rep\.|spokes(?:man|woman|person)|envoy)\s+/i;
const pronoun = /^(he|she|they|it)$/i;
const group =
  /\b((?:one of the|one|two|three|four|five|several|senior|some|many|\d+)\s+(?:[\w.-]+\s+){0,2}(?:officials?|diplomats?|sources?|lawmakers|analysts|people|commanders?|officers?|soldiers?|negotiators?)|an?\s+(?:[\w.-]+\s+){0,3}(?:official|diplomat|spokes\w+|commander|officer|soldier|negotiator))\b/i;

/**
 * Whether two quotes' speakers may be one: the same name, or both unnamed sources ("one of the
 * diplomats", "a senior EU official"), whom outlets describe each in their own words.
 */
export function sameSpeaker(a: string, b: string): boolean {
  if (a === b) return true;
  const unnamed = (speaker: string) => group.exec(speaker)?.[0] === speaker;
  return unnamed(a) && unnamed(b);
}

/**
 * The catalog person (or organisation) named in a phrase, by any alias, written as the actor counts
 * need it: an acronym only in capitals, and the catalog's capitals ("the alliance's spokesman" is
 * not NATO's).
 */
function catalogName(phrase: string, catalog: EntityCatalog, others?: ReadonlySet<string>): string | undefined {
  const { tokens, cased } = tokenizeBoth(phrase);
  const mayName = aliasMayNameAt(catalog);
  const capitals = aliasCapitals(catalog);
  for (let length = Math.min(4, tokens.length); length >= 1; length--) {
    for (let i = 0; i + length <= tokens.length; i++) {
      if (length === 1 && (!mayName(tokens, cased, i) || others?.has(tokens[i]!))) continue;
      const alias = tokens.slice(i, i + length).join(' ');
      const name = catalog.aliases.get(alias);
      if (name && catalog.kinds.get(name) !== 'place' && writtenWithCapitals(cased, i, capitals.get(alias))) return name;
    }
  }
  return undefined;
}

type Nlp = (text: string) => { people(): { first(): { text(format: string): string } } };
let nlp: Nlp | undefined;

/** compromise, loaded on first use: it takes ~0.2 s to load, and most speakers are in the catalog. */
function loadNlp(): Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

/** A person's name in a phrase: the catalog first, then compromise's person detection. */
function personIn(phrase: string, catalog: EntityCatalog, others?: ReadonlySet<string>): string | undefined {
  const known = catalogName(phrase, catalog, others);
  if (known) return known;
  // Only a phrase with a capitalised word can hold a name worth the look-up.
  if (!/\p{Lu}\p{Ll}/u.test(phrase)) return undefined;
  // As written: compromise's normal form is in lower case, without accents ("nadia calvino").
  const person = loadNlp()(phrase).people().first().text('text');
  return person.replace(titles, '').replace(/[,.;:]+$/, '').replace(/['’]s$/, '').trim() || undefined;
}

/** Lower-case words that belong inside a name ("Ursula von der Leyen", "Luis de Guindos"). */
const particles = 'de|del|della|der|van|von|la|le|da|dos|du|al|bin|ibn';
const nameParticle = new RegExp(`^(?:${particles})$`);

/**
 * The name that stands right before the speech verb, as written: the capitalised words that end
 * the phrase, after any possessive. In "Putin's spokesman Dmitry Peskov said" the speaker is
 * Dmitry Peskov, not Putin; '' when the phrase does not end in a name ("the official said").
 */
function nameBeforeVerb(words: readonly string[]): string {
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (/['’]s$/.test(word) || !(/^\p{Lu}/u.test(word) || (name.length > 0 && nameParticle.test(word)))) break;
    name.unshift(word);
  }
  while (name.length > 0 && nameParticle.test(name[0]!)) name.shift();
  return name.join(' ');
}

/**
 * A clause set off by commas between a speaker and the verb ("Peskov, asked about Zelensky,
 * said"): its names are what the speaker was asked about, so it is dropped before the look-up.
 */
const interjection = new RegExp(`,\\s*(?:asked|speaking|responding|referring|commenting|reacting|replying|answering|when asked|in response)\\b[^,]*,(?=\\s*(?:${speechVerbs})\\b)`, 'giu');

/**
 * The speaker a phrase before a speech verb names (`side` 'before': "Putin's spokesman Dmitry
 * Peskov") or a phrase after it does ('after': "said Sánchez on Monday"); undefined when it names
 * none.
 */
function speakerIn(phrase: string, side: 'before' | 'after', catalog: EntityCatalog, context: QuoteContext): string | undefined {
  const words = phrase.trim().split(/\s+/).slice(-6).join(' ');
  // Before the verb, the speaker is the name that ends the phrase: other names in it are someone
  // else's ("Putin's spokesman …"), so when that name is not known, none is taken from earlier.
  // After it, the name after an organisation's role ("said Ukrenergo chief Vitaliy Zaichenko").
  const name = side === 'before' ? nameBeforeVerb(words.split(' ')) : (roleThenName.exec(words)?.[1] ?? '');
  // "Putin's spokesman said": the spokesman spoke, not Putin; the phrase is the speaker, as written.
  const aide = side === 'before' && !name ? /(\p{Lu}[\p{L}.-]*['’]s(?:\s+\p{Ll}[\p{L}-]*){1,3})$/u.exec(words)?.[1] : undefined;
  if (aide) return aide;
  // A surname alone, before the verb or right after it ("…,” said Calviño on Monday), that the
  // article gave in full before.
  const surname = side === 'before' ? (/^\S+$/.test(name) ? name : undefined) : /^(\p{Lu}[\p{L}’'-]+)(?!\s+\p{Lu})/u.exec(words)?.[1];
  const others = context.surnamesOfOthers;
  const fullName = surname ? fullNameIn(surname, context.earlier(), catalog, others) : undefined;
  if (fullName) return fullName;
  // An institution named "… of …", as written: "the Bank of Spain said", "Ukraine's Ministry of Defence said".
  const institution = side === 'before' ? institutionOf.exec(words)?.[1] : undefined;
  if (institution) return institution.replace(/^The\s/, 'the ');
  // A person and their organisation: "Alberto Núñez Feijóo of the Partido Popular said" is Feijóo's.
  const affiliated = side === 'before' ? memberOf.exec(words)?.[1] : undefined;
  const member = affiliated ? (personOnly(affiliated, catalog, others) ?? asWritten(affiliated)) : undefined;
  if (member) return member;
  // The person after a title or a time, before the organisation the title is of ("EIB President
  // Nadia Calviño" is Calviño, not the bank; "On Monday Vitaliy Zaichenko" is Zaichenko). Not a
  // name "The" opens: "The White House" is one.
  const personal = nameAfterTitles(name);
  const titled = personal !== name && !/^The\s/.test(name) ? (personIn(personal, catalog, others) ?? asWritten(personal)) : undefined;
  // "the Kremlin said", "the White House said": an institution named with its article, as written.
  // Last, a name no catalog or model knows, as written ("Vitaliy Zaichenko said").
  return titled ?? personIn(name || words, catalog, others) ?? (name ? theInstitution(words, name) : undefined) ??
    asWritten(personal || (side === 'after' ? (leadingName.exec(words)?.[0] ?? '') : '')) ?? group.exec(words)?.[1];
}

/** An institution whose name runs "… of …", ending the phrase: "the Bank of Spain", "Ukraine's Ministry of Defence" (its "the" or possessive kept). */
const institutionOf = /(?:^|\s)((?:the\s+|The\s+|\p{Lu}[\p{L}-]*['’]s\s+)?(?:\p{Lu}[\p{L}-]*\s+)*(?:Bank|Ministry|Council|Department|Office|Court|Chamber|Institute|Committee|Commission|Parliament|Congress|Assembly)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}-]*)*)$/u;

/** Capitalised words, "of" or "from", then an organisation's name ending the phrase: "Alberto Núñez Feijóo of the Partido Popular". */
const memberOf = /(\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*)\s+(?:of|from)\s+(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*$/u;

/** The catalog person a phrase names, if it names one ("Núñez Feijóo"), not an organisation or place. */
function personOnly(phrase: string, catalog: EntityCatalog, others?: ReadonlySet<string>): string | undefined {
  const name = catalogName(phrase, catalog, others);
  return name !== undefined && catalog.kinds.get(name) === 'person' ? name : undefined;
}

/** Titles before a name, not of it ("EIB President Nadia Calviño"). */
const titleWord = /^(?:President|Vice-President|Minister|Secretary|Chancellor|Commissioner|General|Gen\.|Senator|Sen\.|Rep\.|Governor|Mayor|Chief|Director|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Premier|Speaker|Chairman|Chairwoman|Chair|Leader|King|Queen|Prince|Pope|Judge|Colonel|Admiral|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Former|Acting)$/;
/** Capitalised words that open a sentence or name a day before a name ("On Monday Vitaliy Zaichenko said"). */
const openingWord = /^(?:The|A|An|In|On|At|By|But|And|As|After|Before|When|While|For|With|From|To|Of|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$/;
/** A role after an organisation's name, then its holder's name: "Ukrenergo chief Vitaliy Zaichenko". */
const roleThenName = new RegExp(String.raw`^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)*\s+(?:chief|head|spokesman|spokeswoman|spokesperson|director|minister|secretary|envoy|adviser|advisor|official|commander|governor|mayor|president|chairman|chairwoman|leader|ceo)\s+(\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:${particles})\s+)*\p{Lu}[\p{L}’'-]*){1,3})`, 'u');
/** The capitalised words a phrase opens with: "Vitaliy Zaichenko" in "Vitaliy Zaichenko on Monday". */
const leadingName = new RegExp(String.raw`^\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:${particles})\s+)*\p{Lu}[\p{L}’'-]*)*`, 'u');

/**
 * The name that ends a run of capitalised words, as written: the words after the last title,
 * opening word or possessive ("Nadia Calviño" in "EIB President Nadia Calviño", "Luis de Guindos"
 * in "The ECB's Luis de Guindos"), without a particle to open it; '' when none is left.
 */
function nameAfterTitles(run: string): string {
  const words = run.split(/\s+/).filter(Boolean);
  const given: string[] = [];
  for (let j = words.length - 1; j >= 0 && !titleWord.test(words[j]!) && !openingWord.test(words[j]!) && !/['’]s$/.test(words[j]!); j--) given.unshift(words[j]!);
  while (given.length > 0 && nameParticle.test(given[0]!)) given.shift();
  return given.join(' ');
}

/**
 * A name as written, when it looks like a person's: two to four capitalised words (and the
 * particles between them), after any title. "Vitaliy Zaichenko", "Human Rights Watch"; not "Staff",
 * nor "EU".
 */
function asWritten(run: string): string | undefined {
  const name = nameAfterTitles(run);
  const words = name.split(' ').filter((word) => !nameParticle.test(word));
  return words.length >= 2 && words.length <= 4 && words.every((word) => /^\p{Lu}\p{Ll}[\p{L}’'-]*$/u.test(word)) ? name : undefined;
}

/**
 * Whether a quote's speaker may be a person whom "he" or "she" stands for later: one the catalog
 * knows as a person, or a name it does not know that looks like one ("Vitaliy Zaichenko"); not a
 * group ("two diplomats"), nor an institution with its article ("the Kremlin").
 */
export function mayBePerson(speaker: string, catalog: EntityCatalog): boolean {
  const kind = catalog.kinds.get(speaker);
  return kind === undefined ? !/^the\s/i.test(speaker) && asWritten(speaker) === speaker : kind === 'person';
}

/**
 * The full name an article gave the person it now calls by a surname alone: after "EIB President
 * Nadia Calviño told reporters", “…,” Calviño said is Nadia Calviño's. The capitalised words just
 * before the surname, less any title, in the nearest earlier sentence that has them; undefined
 * when none does, or when the word is the catalog's (a place such as Ukraine is no surname), unless
 * the article gives it to someone else (`others`: "regional governor Ivan Fedorov").
 */
function fullNameIn(surname: string, earlier: readonly string[], catalog: EntityCatalog, others?: ReadonlySet<string>): string | undefined {
  const key = aliasKey(surname);
  if (earlier.length === 0 || (catalog.aliases.has(key) && !others?.has(key))) return undefined;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const givenNames = new RegExp(`((?:\\p{Lu}[\\p{L}.’'-]*\\s+(?:(?:${particles})\\s+)*){1,4})${escaped}(?![\\p{L}’'-])`, 'u');
  for (let i = earlier.length - 1; i >= 0; i--) {
    const given = nameAfterTitles(givenNames.exec(earlier[i]!)?.[1] ?? '');
    if (given) return `${given} ${surname}`;
  }
  return undefined;
}

/** "the Kremlin", "the White House", "the State Department": a name that "the" introduces, as written (not a bare title). */
function theInstitution(words: string, name: string): string | undefined {
  // A title alone ("the President said") names nobody in particular.
  if (titles.test(`${name} `)) return undefined;
  // At the sentence's start the article is capitalised, and so part of the name found; it is
  // written as mid-sentence, so "The White House said" and "…, the White House said" are one speaker.
  if (/^The\s/.test(name)) return name.replace(/^The\s/, 'the ');
  const before = words.slice(0, words.length - name.length).trimEnd();
  return words.endsWith(name) && /(?:^|\s)the$/i.test(before) ? `${before.slice(-3)} ${name}` : undefined;
}

/**
 * Who a sentence attributes its quotation to, from the words outside the quotes: the one a speech
 * verb names, else the source "according to" names. In "Wang Yi said in Beijing, according to a
 * statement from his ministry" the words are Wang Yi's; the statement is where they were reported.
 */
function attribution(outside: string, catalog: EntityCatalog, context: QuoteContext): string | undefined {
  const plain = outside.replace(interjection, '');
  const before = new RegExp(`([\\p{L}.’'\\- ]{2,80}?)\\s*,?\\s+(?:${speechVerbs})\\b`, 'iu').exec(plain);
  const after = new RegExp(`\\b(?:${speechVerbs})\\s+([\\p{L}.’'\\- ]{2,60})`, 'iu').exec(plain);
  for (const [candidate, side] of [[before?.[1], 'before'], [after?.[1], 'after']] as const) {
    if (!candidate) continue;
    // "he said": the one person named before that "he" fits (personFor), or nobody.
    const last = candidate.trim().split(/\s+/).at(-1) ?? '';
    if (pronoun.test(last)) return personFor(last, context.named(), catalog);
    const speaker = speakerIn(candidate, side, catalog, context);
    if (speaker) return speaker;
  }
  // Up to a comma or the sentence's end: a full stop inside an abbreviation ("the U.S. State
  // Department", "Mr. Witkoff") does not end the source's name.
  const according = /according to\s+([^,;]+?)(?=\s*(?:[,;]|\.?["”’)]*\s*$))/i.exec(outside);
  if (according) return personIn(according[1]!, catalog, context.surnamesOfOthers) ?? according[1]!.trim();
  return group.exec(outside)?.[1];
}

/** A speech verb that the quotation follows at once: "Zelensky said: “…”", "…, Rutte said that “…”". */
const introduction = new RegExp(`([\\p{L}.’'\\- ]{2,80}?)\\s*,?\\s+(?:${speechVerbs})\\s*(?:[,:]|\\s+that)?\\s*$`, 'iu');

/**
 * The speaker of a quotation that follows its speech verb at once, named just before the verb.
 * In "As Putin warned on Monday, Zelensky said “…”" that is Zelensky, though Putin's verb comes
 * first. Undefined when the quotation does not follow a verb so, or the phrase names no speaker.
 */
function introducedBy(lead: string, catalog: EntityCatalog, context: QuoteContext): string | undefined {
  const subject = introduction.exec(lead.replace(interjection, ''))?.[1]?.trim();
  if (!subject) return undefined;
  const last = subject.split(/\s+/).at(-1) ?? '';
  if (pronoun.test(last)) return personFor(last, context.named(), catalog);
  return speakerIn(subject, 'before', catalog, context);
}

/** Verbs that report what someone said, promised or called something: speech verbs and more. */
const reportingAct = new RegExp(`([\\p{L}.’'\\- ]{0,80}?)\\s*,?\\s+(?:${speechVerbs}|promised|promises|pledged|pledges|vowed|vows|called|calls|described|describes|dubbed|branded|termed|labell?ed|claimed|claims|threatened|threatens|accused|accuses)\\b`, 'giu');
/** Words between a subject and its verb: "Putin has reportedly promised". */
const auxiliaries = /(?:\s+(?:has|had|have|would|will|also|reportedly|allegedly|previously|repeatedly|once|already|publicly|privately|then))+$/i;
/** What may stand before a verb whose subject is the sentence's speaker: a pronoun, "and", nothing. */
const sameSubject = /^(?:|he|she|they|it|i|we|and|but|then)$/i;

/**
 * Someone else's speech act that the words before a quotation report, as who and verb ("Vladimir
 * Putin, promised"): in "Zelensky said Putin had promised “…”" or "According to Zelensky, Putin has
 * vowed to “…”" the words are Putin's as Zelensky tells them, and belong to neither as a quote.
 * The act nearest the quotation decides; undefined when it is the speaker's own.
 */
function anotherSpeechAct(lead: string, speaker: string, catalog: EntityCatalog, context: QuoteContext): string | undefined {
  const last = [...lead.replace(interjection, '').matchAll(reportingAct)].at(-1);
  if (!last) return undefined;
  const subject = last[1]!.replace(auxiliaries, '').trim();
  if (sameSubject.test(subject.split(/\s+/).at(-1) ?? '')) return undefined;
  const who = speakerIn(subject, 'before', catalog, context);
  if (who === speaker) return undefined;
  const verb = last[0].trim().split(/\s+/).at(-1)!;
  return `${who ?? subject.split(/\s+/).slice(-3).join(' ')}, ${verb}`;
}

/** A name's last word or a pronoun, then a speech verb: "Zelensky told", "he said" (before the verb: the speaker). */
const speakerThenVerb = new RegExp(`(\\p{Lu}[\\p{L}’'-]+|\\b[Hh]e|\\b[Ss]he|\\b[Tt]hey)\\s+(?:${speechVerbs})\\b`, 'u');
/** A speech verb, then a name or a pronoun: "said Zelensky", "added Keir Starmer". */
const verbThenSpeaker = new RegExp(`\\b(?:${speechVerbs})\\s+(?:\\p{Lu}[\\p{L}’'-]+\\s+)*?(\\p{Lu}[\\p{L}’'-]+|he|she|they)\\b(?!\\s+\\p{Lu})`, 'u');
const speakerThenVerbAll = new RegExp(speakerThenVerb.source, 'gu');
const anySpeechVerb = new RegExp(`\\b(?:${speechVerbs})\\b`);
/** A speaker and speech verb that lead into a quotation ending the sentence: "Keir Starmer told Parliament on Tuesday: ". */
const introducesQuotation = new RegExp(`${speakerThenVerb.source}[^,;:]*[,:]?\\s*$`, 'u');
/** Inverted only after a comma or a quotation ("…, said Pedro Sánchez"): in "Officials said Spain will…" Spain is what is said. */
const verbThenSpeakerAll = new RegExp(`(?<=[,”"’»“]\\s*)${verbThenSpeaker.source}`, 'gu');

/** Capitalised words before a speech verb that name no one: a sentence's first word ("Officials said"). */
const nobodyInParticular = /^(?:officials|diplomats|analysts|sources|witnesses|police|authorities|experts|residents|ministers|leaders|lawmakers|critics|observers|reports|people|others|both|many|some|all|he|she|they)$/i;

/**
 * The names a sentence attributes what it reports to, each by its last word: "Sánchez" in "Spain
 * will spend €1 billion, Sánchez said"; "Ukraine" in "Ukraine said…"; none in "officials said".
 */
export function speakerNames(sentence: string): Set<string> {
  const names = new Set<string>();
  // Most sentences have no speech verb: looked for first, the names only then.
  if (!anySpeechVerb.test(sentence)) return names;
  for (const pattern of [speakerThenVerbAll, verbThenSpeakerAll]) {
    for (const match of sentence.matchAll(pattern)) if (!nobodyInParticular.test(match[1]!)) names.add(match[1]!);
  }
  return names;
}

/**
 * The word naming who speaks a sentence that is someone's words and their attribution, or
 * undefined: “…,” Zelensky told reporters → "Zelensky"; “…,” he said, “…” → "he"; Sánchez said:
 * ‘…’ → "Sánchez". The attribution must come right after the quotation (between its two parts), or
 * right before one that ends the sentence; a name is its last word. For telling what a sentence of
 * someone's words goes on from.
 */
export function quotedSpeakerWord(sentence: string): string | undefined {
  const found = quotationsIn(sentence);
  const [quotation, rest] = found;
  if (quotation === undefined || found.length > 2) return undefined;
  if (found.map((q) => q.text).join(' ').trim().split(/\s+/).length < MIN_QUOTE_WORDS) return undefined;
  const lead = sentence.slice(0, quotation.index);
  const tail = sentence.slice(quotation.end, rest?.index);
  // Two parts: the words between them are the attribution alone ("he said,"), not "…, adding that".
  if (rest !== undefined && !(/^\W*$/u.test(lead) && /^\W*$/u.test(sentence.slice(rest.end)) && /^[\s,]*[^\s,;:][^,;:]*[,:]?\s*$/u.test(tail) && tail.trim().split(/\s+/).length <= 6)) return undefined;
  if (/^\W*$/u.test(lead)) {
    const attribution = /^\s*,?\s*([^,;]*)/.exec(tail)![1]!;
    return (speakerThenVerb.exec(attribution) ?? verbThenSpeaker.exec(attribution))?.[1];
  }
  if (!/^\W*$/u.test(tail)) return undefined;
  return introducesQuotation.exec(lead)?.[1];
}

/**
 * An interview's answer as a quote: the sentence without the label that gives it ("Häkkänen: We
 * will not send ground troops." is “We will not send ground troops”), said by the label's catalog
 * name, or by the full name the article gave it before ("Antti Häkkänen"), or by the label as written.
 */
export function answerQuote(sentence: string, label: string, catalog: EntityCatalog, earlier: readonly string[], others?: ReadonlySet<string>): FoundQuote {
  const text = sentence.startsWith(`${label}:`) ? sentence.slice(label.length + 1).trim() : sentence;
  const speaker = catalogName(label, catalog, others) ?? (label.includes(' ') ? undefined : fullNameIn(label, earlier, catalog, others)) ?? label;
  return { text: text.replace(/[.,;:]+$/, ''), speaker };
}

/** A quotation left out, and why (for --explain). */
export interface LeftOutQuote {
  text: string;
  reason: string;
}

/**
 * Direct quotations in a sentence with their speaker: "Zelenskyy said …", "…, according to
 * three officials", "Sánchez stated, “…”"; "he said" resolved among `context.named()`, the
 * people the last sentence before it that names any names (peopleIn, personFor), and a surname
 * alone ("Calviño said") by the full name `context.earlier()` gave it, each asked only then.
 * Quotes with no attributable speaker are left out rather than guessed, and so are words that the
 * sentence reports as someone else's ("Zelensky said Putin had promised “…”"); `leftOut`, when
 * given, is told each of those and why.
 */
export function extractQuotes(sentence: string, catalog: EntityCatalog, context: QuoteContext = NO_CONTEXT, leftOut?: LeftOutQuote[]): FoundQuote[] {
  const quotes: (FoundQuote & { end: number })[] = [];
  const found = quotationsIn(sentence);
  const unquoted = (until: number) => unquotedText(sentence, found, until);
  const outside = unquoted(sentence.length).replace(/\s+/g, ' ');
  for (const quotation of found) {
    const text = quotation.text.trim().replace(/[,]$/, '');
    const last = quotes.at(-1);
    // The second part of a quotation its attribution splits goes on the first.
    if (last && /^\p{Ll}/u.test(text) && splitByAttribution.test(sentence.slice(last.end, quotation.index))) {
      last.text += `${QUOTE_BREAK}${text}`;
      last.end = quotation.end;
      continue;
    }
    if (text.split(/\s+/).length < MIN_QUOTE_WORDS) continue;
    const lead = unquoted(quotation.index);
    const speaker = introducedBy(lead, catalog, context) ?? attribution(outside.replace(/QUOTE/g, ''), catalog, context);
    const act = speaker ? anotherSpeechAct(lead, speaker, catalog, context) : undefined;
    if (speaker && !act) quotes.push({ text, speaker, end: quotation.end });
    else leftOut?.push({ text, reason: act ? `the words of another as the sentence reports them (${act})` : 'no speaker: none named, or a "he" or "she" that fits none or several of the people named before' });
  }
  return quotes.map(({ text, speaker }) => ({ text, speaker }));
}

/**
 * The people a sentence names (each by the longest alias of up to three words that starts there),
 * each once, in order: whom "he said" in the sentences after it may stand for, when it names
 * anyone (personFor).
 */
export function peopleIn({ tokens, cased, surnamesOfOthers }: { tokens: readonly string[]; cased: readonly string[]; surnamesOfOthers?: ReadonlySet<string> | undefined }, catalog: EntityCatalog): string[] {
  const byStart = aliasesByStart(catalog);
  const people: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const alias of byStart.get(tokens[i]!) ?? []) {
      if (alias.words.length > 3 || !aliasAt(tokens, i, alias) || !writtenWithCapitals(cased, i, alias.capitals) || catalog.kinds.get(alias.name) !== 'person') continue;
      // A surname the article gives someone else: "Fedorov" after "regional governor Ivan Fedorov".
      if (alias.words.length === 1 && surnamesOfOthers?.has(alias.words[0]!)) break;
      if (!people.includes(alias.name)) people.push(alias.name);
      break;
    }
  }
  return people;
}

/**
 * Whom a pronoun for speaker stands for, among the people the last sentence that names anyone
 * names: the one it fits. "He" fits a person the catalog's pronouns do not give as "she", and
 * "she" one not given as "he"; "they" and "it" fit any. So after "Zelensky said Trump had
 * promised more aid.", "He added “…”" is nobody's (either may be meant), and after "Zelensky met
 * Kaja Kallas.", "She said “…”" is Kallas's.
 */
function personFor(word: string, named: readonly string[], catalog: EntityCatalog): string | undefined {
  const said = word.toLowerCase();
  const fits = said === 'he' || said === 'she' ? named.filter((person) => (catalog.pronouns.get(person) ?? said) === said) : named;
  return fits.length === 1 ? fits[0] : undefined;
}
