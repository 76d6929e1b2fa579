import { describe, expect, it } from 'vitest';
import { BriefError } from '../../src/errors.js';
import { readMarkdownArticle } from '../../src/sources/read-markdown.js';

const body = '\nKyiv and Warsaw agreed on Tuesday to link their power grids more closely, officials said.\n';
const fields = (frontMatter: string) => {
  const { title, url, author, publisher, published } = readMarkdownArticle(`---\n${frontMatter}\n---\n${body}`, 'a.md');
  return { title, url, author, publisher, published };
};

describe('Markdown front matter by the names site generators and web clippers give its fields', () => {
  it('reads an Obsidian Web Clipper note: source is the address, authors a list of wiki links', () => {
    expect(fields('title: "Grid link agreed"\nsource: "https://balticwire.example/2026/01/20/grid"\nauthor:\n  - "[[Rasa Vaitkutė]]"\n  - "[[Jonas Petrauskas]]"\npublished: 2026-01-20\ncreated: 2026-01-21\ntags:\n  - "clippings"')).toEqual({
      title: 'Grid link agreed',
      url: 'https://balticwire.example/2026/01/20/grid',
      author: 'Rasa Vaitkutė, Jonas Petrauskas',
      publisher: undefined,
      published: '2026-01-20',
    });
  });

  it("reads a site generator's date, link and site, and a source that names the outlet", () => {
    expect(fields('title: Grid link agreed\ndate: 2026-01-20T09:30:00Z\nlink: https://balticwire.example/grid\nsite: Baltic Wire')).toMatchObject({
      published: '2026-01-20T09:30:00Z',
      url: 'https://balticwire.example/grid',
      publisher: 'Baltic Wire',
    });
    expect(fields('title: Grid link agreed\nsource: Baltic Wire')).toMatchObject({ publisher: 'Baltic Wire', url: '' });
  });

  it("takes a field's own name first, and passes over another name's value of another shape", () => {
    expect(fields('published: 2026-01-20\ndate: 2026-01-25\nauthors:\n  - name: Rasa Vaitkutė')).toMatchObject({ published: '2026-01-20', author: '' });
    // Under its own name, a value that is not text is still the article's error.
    expect(() => fields('author:\n  name: Rasa Vaitkutė')).toThrow(BriefError);
  });
});
