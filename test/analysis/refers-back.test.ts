import { describe, expect, it } from 'vitest';
import { refersBack } from '../../src/analysis/refers-back.js';

describe('refersBack: sentences that open by pointing at the one before them', () => {
  it.each([
    'This visit underscores the strengthening strategic alliance between Moscow and Beijing.',
    'This enhances Spain’s capacity to contribute to Ukraine’s defence.',
    'This move has reignited national debates.',
    'The decision puts Madrid at odds with several European partners.',
    'The release reopened a sharp exchange between Sánchez and Feijóo.',
    'The summit involves heads of state from more than 30 countries.',
    'The strikes damaged two power plants in the east.',
    'The plan would put European troops in western Ukraine.',
    'Her decision leaves Sumar searching for a new leader.',
    'This internal instability constrains Spain’s capacity for expansive support.',
    'This scenario would likely delay a ceasefire.',
    'These diplomatic efforts remain fragile.',
    'Additionally, the government released files on the coup attempt.',
    'However, negotiations with Russia stall over territorial concessions.',
    'In response, Moscow recalled its ambassador.',
    'The session worked on a framework for a multinational force.',
    // The event left out: attend what?
    'Emmanuel Macron is due to attend, as are Ursula von der Leyen and Mark Rutte.',
    'NATO Secretary-General Mark Rutte will also take part.',
    'Their talks ended without a joint statement.',
    'His visit to Beijing in May set the agenda.',
    'Such an alliance may complicate efforts to isolate Russia.',
    'Both men’s show of support was read as a sign of US commitment.',
    'It also serves as a barometer of Russia’s sincerity.',
    'He added that the Davos format would be useful.',
    'They emphasised the need for a united front.',
    // Money and measures named before: "signed €1.5bn in loans…" then "The package brings…".
    'The package brings the bank’s support for Ukraine to more than €3.2 billion.',
    'The loan will be repaid from the proceeds of immobilised Russian assets.',
    'The sanctions take effect on Friday.',
    'The law comes into force in March.',
    // Someone's words going on from the sentence before, or given to a pronoun.
    '“The damage at one substation is severe and the blackout may last days.',
    '“Repairs will take at least three weeks,” he added.',
    '«Repairs will take at least three weeks», she said.',
    // A report given to a pronoun: whose it is, the sentence before says.
    'About 40 per cent of the money will go to municipalities near the front line, she said, and the rest to national operators.',
    '“Every boiler house we rebuild now keeps people in their homes.”',
    '"Every boiler house we rebuild now keeps people in their homes."',
    // A measure named before, decided on as "it".
    'The White House has not said whether President Donald Trump would sign it.',
    'Hungary is expected to veto them at the next summit.',
    // In single marks, as British outlets write them; an apostrophe in a word closes nothing.
    "'The general election will be held when it is due.'",
    '‘The general election will be held when it is due.’',
    "'We won't call an early election, whatever the Socialists' rivals say.'",
    "'The damage at one substation is severe and the blackout may last days.",
    // A denial or confirmation of what the sentence before reported.
    "Ukraine's military denied the claim, saying its forces still held the western part of the city.",
    'The Kremlin dismissed the reports as false.',
    "Ukraine's General Staff confirmed the strike and said the refinery processed 15 million tonnes of oil a year.",
  ])('%s', (sentence) => expect(refersBack(sentence)).toBe(true));

  it.each([
    // The noun is specified where it stands, or names its referent.
    'The meeting of the Coalition of the Willing in Paris was followed by bilateral talks.',
    'The decision to close the airspace was taken on Monday.',
    'The summit in Paris drew leaders from more than 30 countries.',
    'Emmanuel Macron will attend the summit in Davos, as will Mark Rutte.',
    'Leaders of more than 30 countries will take part in the talks.',
    'The strikes on Ukraine’s grid have cut power in six regions.',
    // A title, not a possessive.
    'Her Majesty’s Government said the talks would resume.',
    'These guarantees, modelled on NATO’s Article 5, would assure Ukraine of support.',
    // A time, not a reference; "it" with nothing to stand for.
    'This week, Zelensky met European leaders in Davos.',
    // "Meanwhile" turns to another matter; "However many…" is no connective.
    'Meanwhile, Spain’s inflation fell to 2.3% in January.',
    'However many drones were launched, the grid held.',
    'This spring the talks resumed in Geneva.',
    'This decision to close the airspace was taken on Monday.',
    'These strikes on the grid have cut power in six regions.',
    'This year’s budget leaves little room for new spending.',
    'It is unclear whether the talks will resume.',
    'It was not immediately clear who fired the missiles.',
    'Zelensky said the document was ready.',
    'Russia denied claims that its troops had used chemical weapons near Pokrovsk.',
    'The package of measures agreed in Brussels is worth €90 billion.',
    '“Repairs will take at least three weeks,” Zaichenko added.',
    '“Repairs will take at least three weeks,” according to Ukrenergo.',
    'About 40 per cent of the money will go to municipalities near the front line, Calviño said.',
    "'A regional election is a regional election,' Sánchez told reporters in Madrid.",
    '‘A regional election is a regional election,’ Sánchez said.',
    "'90s-era rules still apply, the minister said.",
    'Trump said the bill was flawed and that he would veto it.',
    'The Senate passed the sanctions bill, and Trump is expected to sign it on Friday.',
    'It is unclear whether Congress will approve the aid.',
  ])('not: %s', (sentence) => expect(refersBack(sentence)).toBe(false));
});
