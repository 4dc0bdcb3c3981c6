// Normalised forms used for storage and duplicate detection.

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * Keeps a leading "+" and the digits. Vietnamese local numbers (0xx...) become +84, since most of
 * our users dial them that way; other national formats are kept as typed digits.
 */
export function normalisePhone(raw: string, defaultCountryCode = '84'): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0') && digits.length >= 9)
    return `+${defaultCountryCode}${digits.slice(1)}`;
  return digits;
}

/** "https://www.Example.com/about" -> "example.com"; null when there is no host. */
export function domainOf(raw: string): string | null {
  const trimmed = raw.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const host = new URL(withScheme).hostname.replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at >= 0 ? domainOf(email.slice(at + 1)) : null;
}

/** Lowercase, without diacritics ("Nguyễn Đức" -> "nguyen duc"), so search ignores accents. */
export function foldText(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchDocument(...parts: Array<string | null | undefined>): string {
  return foldText(parts.filter((p): p is string => !!p).join(' '));
}

/** A prefix query for to_tsquery('simple', ...): every word must match the start of a token. */
export function prefixTsQuery(raw: string): string | null {
  const words = foldText(raw)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
