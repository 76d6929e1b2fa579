/**
 * Outlets whose name, alone on a line, identifies the publisher of saved text (syndication
 * credits, "Primary Source" blocks). Matching is case-insensitive on the whole line.
 */
export const knownOutlets = [
  'POLITICO', 'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'BBC', 'BBC News', 'CNN',
  'The New York Times', 'The Washington Post', 'The Wall Street Journal', 'Financial Times', 'The Economist', 'The Guardian',
  'The Times', 'The Telegraph', 'Le Monde', 'El País', 'El Mundo', 'Der Spiegel', 'Frankfurter Allgemeine Zeitung',
  'Kyiv Independent', 'Ukrainska Pravda', 'Meduza', 'Euronews', 'Deutsche Welle', 'DW', 'Al Jazeera', 'NPR', 'Axios',
  'Foreign Policy', 'Radio Free Europe/Radio Liberty', 'RFE/RL', 'South China Morning Post', 'Nikkei Asia', 'The Hill',
] as const;

const byLowerCase = new Map(knownOutlets.map((name) => [name.toLowerCase(), name]));

/** The known outlet a line names on its own, if any. */
export function outletOfLine(line: string): string | undefined {
  return byLowerCase.get(line.trim().toLowerCase());
}

/** `www.politico.eu` → `politico.eu`: the publisher of last resort for a URL. */
export function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}
