import { describe, expect, it } from 'vitest';
import { isSiteFurniture } from '../../src/analysis/site-furniture.js';

describe('site furniture: what a news site adds around the report', () => {
  it.each([
    'Sign up for our Europe newsletter to get the latest on Spanish politics and the Sánchez government.',
    'Subscribe to our daily briefing on the war in Ukraine.',
    "Read more: Spain's Sánchez faces budget fight with Catalan separatists",
    'See also: How the Coalition of the Willing took shape',
    'Related:',
    'More on this story',
    'Click here to read our full coverage of Spanish politics and the Sánchez government.',
    "Here's what we know so far about the Spanish government's budget plans.",
    '(Reporting by Elena Torres in Madrid; Additional reporting by Jan Novak in Prague; Editing by Mark Heinrich)',
    'Additional reporting by Jan Novak in Prague.',
    '(Writing by Andrew Gray; editing by Alex Richardson)',
    '(Compiled by the Kyiv desk; Editing by Mark Heinrich)',
    'Correction: An earlier version of this story misstated the date of the regional election in Aragon.',
    "Editor's note: This article was updated with comment from the Kremlin.",
    'An earlier version of this article misspelled the name of the Spanish labour minister.',
    'This story has been updated to include a statement from Ukrenergo.',
    'Follow our live coverage of the war on Telegram.',
    '© 2026 Iberia Ledger. All rights reserved.',
    'Copyright 2026 Baltic Wire',
    'File photo: Spanish Prime Minister Pedro Sánchez in Madrid.',
    '(AP Photo/Efrem Lukatsky)',
    'The post Spain will not join the Board of Peace, Sánchez says appeared first on Iberia Ledger.',
  ])('%j is furniture', (paragraph) => {
    expect(isSiteFurniture(paragraph)).toBe(true);
  });

  it.each([
    // Reports that mention what furniture is made of.
    'Spanish Prime Minister Pedro Sánchez said on Wednesday he would not call an early general election.',
    'The ministry said it would publish a correction to its January figures next week.',
    'Officials said they would see more clearly after the talks in Geneva.',
    'Update: Russia launched 40 drones overnight, the Ukrainian air force said.',
    'Reporters were told by the Kremlin that Shoigu would travel to Beijing.',
    'Photos published by the ministry showed damage to the plant in Kharkiv.',
    'Followers of the talks said the text was close to ready.',
    'Here is the text of the statement the Kremlin released on Thursday.',
    'The post of foreign minister has been vacant since the coalition collapsed, and first on the list is Sybiha.',
  ])('%j is part of the report', (paragraph) => {
    expect(isSiteFurniture(paragraph)).toBe(false);
  });
});
