import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml, markdownToText } from '../../src/domain/markdown.js';

describe('markdownToSafeHtml', () => {
  it('renders basic formatting and plain links', () => {
    const html = markdownToSafeHtml(
      '**Gọi lại** _thứ Hai_\n\n- giá\n- [hợp đồng](https://example.com/a) <mailto:lan@example.com>',
    );
    expect(html).toContain('<strong>Gọi lại</strong>');
    expect(html).toContain('<em>thứ Hai</em>');
    expect(html).toContain('<li>giá</li>');
    expect(html).toContain('href="https://example.com/a"');
    expect(html).toContain('href="mailto:lan@example.com"');
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const html = markdownToSafeHtml(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror="alert(2)">',
        '[click](javascript:alert(3))',
        '<a href="javascript:alert(4)">raw</a>',
        '<a href="JaVaScRiPt:alert(5)" onclick="alert(6)">mixed</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="color:red" onmouseover="alert(7)">styled</p>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).not.toMatch(/onerror|onclick|onmouseover|style=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain('alert(1)');
    expect(html).toContain('styled');
  });

  it('answers an empty body with an empty string', () => {
    expect(markdownToSafeHtml('')).toBe('');
  });
});

describe('markdownToText', () => {
  it('keeps the words and line breaks, drops the markup', () => {
    expect(markdownToText('**Giá** & điều khoản\n\n- một\n- hai <b>ba</b>')).toBe(
      'Giá & điều khoản\n\nmột\nhai ba',
    );
  });
});
