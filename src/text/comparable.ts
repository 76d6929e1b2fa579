/**
 * Text as compared across articles and outlets: its words and their order, whatever the spacing
 * (a syndicated copy's paragraph and its original's, a brief's sentence and a copy's text).
 */
export function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
