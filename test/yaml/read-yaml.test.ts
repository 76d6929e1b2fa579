import { describe, expect, it } from 'vitest';
import { BriefError } from '../../src/errors.js';
import { decodeUtf8, parseFrontMatter, parseYaml } from '../../src/yaml/read-yaml.js';

function problems(text: string): string[] {
  try {
    parseYaml(text, 'b.yaml');
  } catch (error) {
    if (error instanceof BriefError) return error.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('parseYaml refuses unsafe or ambiguous YAML with positions', () => {
  it('duplicate keys', () => expect(problems('id: a\ntopics: [x]\ntopics: [y]\n')).toEqual([expect.stringMatching(/^3:1: .*DUPLICATE_KEY/)]));
  it('tab indentation', () => expect(problems('id: a\nsources:\n\t- path: x\n').join()).toMatch(/TAB_AS_INDENT|tab/i));
  it('two documents', () => expect(problems('id: a\n---\nid: b\n')).toEqual([expect.stringMatching(/^2:1: more than one YAML document/)]));
  it.each(['!!js/function "x"', '!include /etc/passwd', '!!binary aGVsbG8='])('the tag in %s', (value) => {
    expect(problems(`id: ${value}\n`).join()).toMatch(/unsupported tag/);
  });

  it('a billion laughs (9 levels of 10 aliases) within a second', () => {
    const lines = ['a0: &a0 [lol]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    expect(problems(lines.join('\n')).join()).toMatch(/too many alias references \(limit 20\)/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('5,000 nested brackets (CVE-2026-33532 shape) as an error, not a crash', () => {
    expect(problems(`id: ${'['.repeat(5000)}`).length).toBeGreaterThan(0);
  });

  it('keeps __proto__ as data: no prototype pollution', () => {
    const source = parseYaml('__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n', 'b.yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(source.value as object)).toContain('__proto__');
  });
});

describe('decodeUtf8', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it('accepts BOM + CRLF as the same config as LF', () => {
    const lf = parseYaml(decodeUtf8(encode('id: a\ntopics: [x, y]\n'), 'b.yaml'), 'b.yaml').value;
    const crlf = parseYaml(decodeUtf8(encode('\uFEFFid: a\r\ntopics: [x, y]\r\n'), 'b.yaml'), 'b.yaml').value;
    expect(crlf).toEqual(lf);
  });
  it('refuses NUL bytes and UTF-16', () => {
    expect(() => decodeUtf8(encode('id: a\u0000'), 'b.yaml')).toThrow(/not UTF-8/);
    expect(() => decodeUtf8(new Uint8Array([0xff, 0xfe, 0x69, 0x00]), 'b.yaml')).toThrow(/not UTF-8/);
  });
  it('refuses files over the size limit before parsing', () => {
    expect(() => decodeUtf8(new Uint8Array(2 * 1024 * 1024), 'b.yaml')).toThrow(/exceeds 1 MiB/);
  });
});

describe('parseFrontMatter', () => {
  it('gives the positions of a front matter read without the parser, in the file', () => {
    const source = parseFrontMatter('title: Kyiv\nauthor: Ana Ruiz', 'a.md', 1);
    expect(source.value).toStrictEqual({ title: 'Kyiv', author: 'Ana Ruiz' });
    expect(source.locate(['author'])).toMatchObject({ file: 'a.md', line: 3, col: 9 });
  });
  it('parses any other front matter, with its errors in the file', () => {
    expect(parseFrontMatter('published: 2026\ntags: [a, b]', 'a.md', 1).value).toStrictEqual({ published: 2026, tags: ['a', 'b'] });
    expect(() => parseFrontMatter('title: a\ntitle: b', 'a.md', 1)).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ line: 3 })] }));
  });
});
