import { describe, expect, it } from 'vitest';
import {
  domainOf,
  emailDomain,
  foldText,
  normaliseEmail,
  normalisePhone,
  prefixTsQuery,
} from '../../src/domain/normalise.js';

describe('normalising contact data', () => {
  it('lower-cases and trims emails', () => {
    expect(normaliseEmail('  Lan.Nguyen@Example.COM ')).toBe('lan.nguyen@example.com');
    expect(emailDomain('lan@Mail.Example.com')).toBe('mail.example.com');
  });

  it('reduces a website to its host without www', () => {
    expect(domainOf('https://www.FPT.com.vn/en/about?x=1')).toBe('fpt.com.vn');
    expect(domainOf('tiki.vn')).toBe('tiki.vn');
    expect(domainOf('http://localhost:3000')).toBeNull();
    expect(domainOf('   ')).toBeNull();
    expect(domainOf('not a url at all')).toBeNull();
  });

  it('keeps + and digits in phones; Vietnamese local numbers become +84', () => {
    expect(normalisePhone('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalisePhone('0090 123 4567')).toBe('+901234567');
    expect(normalisePhone('090 123 4567')).toBe('+84901234567');
    expect(normalisePhone('12345')).toBe('12345');
  });

  it('folds Vietnamese diacritics and đ for search', () => {
    expect(foldText('Nguyễn  Thị Đào')).toBe('nguyen thi dao');
    expect(foldText('Ngân hàng Á Châu')).toBe('ngan hang a chau');
  });

  it('builds a safe prefix tsquery, dropping operators', () => {
    expect(prefixTsQuery('Ngân hàng')).toBe('ngan:* & hang:*');
    expect(prefixTsQuery("a & b | !c ' :*")).toBe('a:* & b:* & c:*');
    expect(prefixTsQuery('&|!')).toBeNull();
  });
});
