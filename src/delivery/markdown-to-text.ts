import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.js';

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'link': {
      const text = node.children.map(inline).join('');
      return node.url.startsWith('#') || text === node.url ? text : `${text} (${node.url})`;
    }
    case 'footnoteReference':
      return `[${node.identifier}]`;
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : '';
  }
}

function block(node: Nodes, prefix = ''): string[] {
  switch (node.type) {
    case 'root':
      return node.children.flatMap((child) => [...block(child, prefix), '']);
    case 'heading':
    case 'paragraph':
      return [`${prefix}${inline(node)}`];
    case 'list':
      return node.children.flatMap((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
        const [first, ...rest] = item.children.flatMap((child) => block(child));
        return [`${prefix}${marker}${first ?? ''}`, ...rest.map((line) => `${prefix}  ${line}`)];
      });
    case 'blockquote':
      return node.children.flatMap((child) => block(child, `${prefix}> `));
    case 'thematicBreak':
      return [`${prefix}---`];
    case 'footnoteDefinition':
      return [`${prefix}[${node.identifier}] ${node.children.map(inline).join(' ')}`];
    case 'code':
      return node.value.split('\n').map((line) => `${prefix}    ${line}`);
    case 'table':
      return node.children.map((row) => `${prefix}${row.children.map(inline).join(' | ')}`);
    default:
      return [];
  }
}

/** The plain-text part of a mail, from the same Markdown as the HTML part. */
export function markdownToText(markdown: string): string {
  return `${block(parseMarkdown(markdown))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
