import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Activity bodies are markdown typed by users and shown to others: whatever HTML the markdown
// holds or produces, only basic formatting and plain links survive.
const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'a',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
  disallowedTagsMode: 'discard',
};

/** Markdown to HTML that is safe to insert into a page. */
export function markdownToSafeHtml(markdown: string): string {
  if (!markdown) return '';
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, allowed).trim();
}

/** Markdown as plain text, for places that show no HTML (calendar descriptions). */
export function markdownToText(markdown: string): string {
  if (!markdown) return '';
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  const text = sanitizeHtml(
    html
      .replace(/<br\s*\/?>\n?/g, '\n')
      // marked ends each block with one newline; blocks read better apart by a blank line.
      .replace(/<\/(p|h\d|blockquote|pre|ul|ol)>\n?/g, (tag) => `${tag.trimEnd()}\n\n`),
    { allowedTags: [], allowedAttributes: {} },
  );
  return decodeEntities(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => entities[name] ?? _m);
