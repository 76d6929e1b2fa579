import { mayQuote, quotedSpeakerWord } from './extract-quotes.js';

/**
 * Sentences that lean on the one before them, and so cannot stand in a brief without it. Most
 * open by pointing back: a pronoun for subject ("It also…", "They said…") or its possessive ("Her
 * decision leaves…"), a demonstrative that stands for a whole sentence ("This enhances…", "That
 * means…"), a generic noun for an event named before ("The move…", "This visit…", "Such an
 * alliance…", "Both men…"), a connective ("However, …"). Some leave the event out ("…is due to
 * attend, as are…").
 */
const pronounSubject = /^(?:He|She|They|It)\s+(?!(?:is|was)\s+(?:\w+\s+)?(?:unclear|clear|likely|unlikely|expected|understood|possible|impossible|hoped|feared|thought|believed|estimated|reported|known|not)\b)/;
/** "This"/"That" directly before a verb: it stands for what came before. */
const demonstrativeSubject = /^(?:This|That)\s+(?:is|was|has|had|will|would|could|can|may|might|must|should|comes|came|means|meant|marks|marked|follows|followed|shows|showed|suggests|suggested|\p{Ll}+(?:es|ed))\b/u;
/** Words after a noun that say which one it is: "the decision to close…", "the meeting of…". */
const specifier = String.raw`(?:of|to|on|in|between|with|by|at|for|from|over|that|which|who|among)\b`;
/** A generic noun for an event, not followed by what specifies it ("the meeting of…", "the decision to…"). */
const eventNoun = new RegExp(
  String.raw`^(?:The|This|That|These|Those|Such(?:\s+an?)?)\s+(?:move|moves|decision|step|steps|visit|trip|announcement|measure|measures|release|shift|remarks|comments|statement|incident|episode|alliance|deal|agreement|pact|accord|proposal|plan|initiative|offer|talks|meeting|session|summit|conference|gathering|event|ceremony|hearing|vote|call|speech|interview|report|bill|law|ruling|decree|sanctions|package|loan|loans|funding|aid|tranche|payment|programme|program|attack|attacks|strike|strikes|operation|exchange|development|developments)\b(?!\s+${specifier})`,
);
/**
 * "This" or "These" with a noun that names nothing the sentence gives ("This internal instability
 * constrains…", "This scenario would…"): the one before says what. Not a time ("This week…"), nor
 * a noun an apposition or what follows specifies ("These guarantees, modelled on Article 5, …",
 * "This decision to close the airspace…").
 */
const demonstrativePhrase = new RegExp(
  String.raw`^(?:This|These|Those)\s+(?!(?:week|weekend|year|month|morning|afternoon|evening|time|spring|summer|autumn|winter|season|quarter)\b)(?:(?!${specifier})\p{Ll}[\p{Ll}-]*\s+){0,2}(?!${specifier})\p{Ll}[\p{Ll}-]*\b(?!,)(?!\s+${specifier})`,
  'u',
);
/**
 * A connective that joins the sentence to the one before ("Additionally, the government
 * released…", "However, talks stalled…"): it adds to, contrasts with or follows from it.
 */
const connective = /^(?:Additionally|Moreover|Furthermore|However|Nevertheless|Nonetheless|Consequently|Therefore|Thus|Hence|Likewise|Similarly|In addition|As a result|In response|In turn|Even so|By contrast|In contrast|On the other hand),/;
/** A possessive for whose ("Her decision…", "His visit to Beijing…", "Their talks…"): whoever it is was named before. */
const possessive = /^(?:His|Her|Its|Their)\s+\p{Ll}/u;
const both = /^Both\s+(?:men|women|leaders|sides|countries|governments|officials|ministers|presidents|parties)\b/;

/**
 * A verb of going to an event with the event left out, as said before: "Macron is due to attend,
 * as are…", "Rutte will also take part." Wherever it stands in the sentence.
 */
const eventLeftOut = /\b(?:attend|attends|attending|take part|takes part|taking part|participate|participates|participating)\s*(?:[,;:.!?]|$|\s+(?:as|too|also|alongside|along with|together with)\b)/;

/**
 * A sentence that is someone's words alone, with no attribution: a quotation that does not close
 * in it, or closes at its end. The words go on from a sentence before, whose attribution says
 * whose they are (“We are working around the clock,” said X. “The damage is severe.), as news
 * writes a quotation of several sentences or paragraphs.
 */
const quotationGoingOn = /^(?:“[^”]*(?:”\W*)?|"[^"]*(?:"\W*)?|«[^»]*(?:»\W*)?|„[^“”]*(?:[“”]\W*)?)$/u;
/**
 * The same in single quotation marks, as British news writes them ('The election will be held
 * when it is due.'): the mark opens on a capital, and no closing mark after punctuation goes on
 * with more words ('…,' Sánchez said). An apostrophe inside a word ("won't") closes nothing.
 */
const singleQuotationGoingOn = /^['‘]\p{Lu}(?:(?![,.!?]['’]\s).)*$/u;

/** Whether a sentence is someone's words alone, with no attribution (quotationGoingOn). */
export function goesOnWithWords(text: string): boolean {
  return quotationGoingOn.test(text) || singleQuotationGoingOn.test(text);
}

/**
 * A measure decided on, named by "it" or "them" alone: "The White House has not said whether Trump
 * would sign it." Not when the sentence names the measure before the pronoun ("Trump said the bill
 * was flawed and he would veto it").
 */
const measureDecidedOn = /\b(?:sign|signs|signed|approve|approves|approved|reject|rejects|rejected|veto|vetoes|vetoed|ratify|ratifies|ratified|endorse|endorses|endorsed|block|blocks|blocked|implement|implements|implemented)\s+(?:it|them)\b/;
const measureNamed = /\b(?:bill|bills|law|laws|measure|measures|deal|agreement|accord|pact|treaty|plan|package|proposal|resolution|text|document|decree|sanctions|tariffs)\b/i;

function decidesOnMeasureNamedBefore(text: string): boolean {
  const decided = measureDecidedOn.exec(text);
  return decided !== null && !measureNamed.test(text.slice(0, decided.index));
}

/**
 * A denial or confirmation of what the sentence before reported: "Ukraine's military denied the
 * claim", "…rejected the reports as false", "Ukraine's General Staff confirmed the strike".
 */
const deniesWhatCameBefore = /\b(?:denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes|confirmed|confirms)\s+(?:the|this|that|these|those|such)\s+(?:claim|claims|report|reports|statement|allegation|allegations|account|strike|strikes|attack|attacks)\b/;

/** A report given to a pronoun after a comma: "About 40 per cent of the money will go to municipalities, she said". */
const pronounReports = /,\s+(?:he|she)\s+(?:said|says|added|adds|told|noted|warned|stressed|insisted|argued|explained)\b/i;

/** Someone's words given to a pronoun alone (“…,” he added.), or a report so given: who spoke, the sentences before say. */
function pronounSpeaks(text: string): boolean {
  return pronounReports.test(text) || (mayQuote(text) && /^(?:he|she|they)$/i.test(quotedSpeakerWord(text) ?? ''));
}

/**
 * Whether a sentence (without any lead-in label) leans on the sentence before it: it opens by
 * referring back, or leaves out the event it is about, or goes on with someone's words, or gives
 * words to a "he" or "she", or decides on a measure it names only as "it", or denies "the claim".
 */
export function refersBack(text: string): boolean {
  return goesOnWithWords(text) || pronounSpeaks(text) || pronounSubject.test(text) || demonstrativeSubject.test(text) || eventNoun.test(text) || demonstrativePhrase.test(text) || connective.test(text) || possessive.test(text) || both.test(text) || eventLeftOut.test(text) || decidesOnMeasureNamedBefore(text) || deniesWhatCameBefore.test(text);
}
