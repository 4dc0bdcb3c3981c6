import { z } from 'zod';
import { vietnameseFor, type Lang } from './error-messages.js';

/** One item of a fastify-type-provider-zod validation error: the zod issue minus path and code. */
export type ValidationItem = { keyword: string; message?: string; params: Record<string, unknown> };

type Issue = z.core.$ZodRawIssue;

const english = z.locales.en().localeError;
const vietnamese = z.locales.vi().localeError;
const text = (out: ReturnType<z.core.$ZodErrorMap>) =>
  typeof out === 'string' ? out : out?.message;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const typeNames: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  date: 'ngày',
  undefined: 'không có giá trị',
};
const units: Record<string, string> = {
  string: 'ký tự',
  array: 'phần tử',
  set: 'phần tử',
  map: 'mục',
  file: 'byte',
};

// zod drops the input from its issues, so `received` comes from the English message it rendered.
const invalidType = /^Invalid input: expected (\S+), received (\S+)$/;

/** True when the message is zod's own English for the issue, not one we wrote in a schema. */
function isZodDefault(issue: Issue, message: string): boolean {
  if (issue.code === 'invalid_type') return invalidType.test(message);
  return text(english(issue)) === message;
}

type Size = {
  origin?: string | undefined;
  inclusive?: boolean | undefined;
  exact?: boolean | undefined;
};

/** "Must have at least 3 characters" and its kin, for strings, lists and numbers. */
function sizeText(small: boolean, limit: string, { origin = '', inclusive, exact }: Size) {
  const unit = units[origin];
  if (unit) {
    if (exact) return `Phải có đúng ${limit} ${unit}`;
    if (small && origin === 'string' && limit === '1' && inclusive !== false) {
      return 'Không được để trống';
    }
    if (small) return `Phải có ${inclusive === false ? 'nhiều hơn' : 'ít nhất'} ${limit} ${unit}`;
    if (inclusive === false) return `Phải có ít hơn ${limit} ${unit}`;
    return origin === 'string'
      ? `Không được dài quá ${limit} ${unit}`
      : `Chỉ được có tối đa ${limit} ${unit}`;
  }
  if (origin === 'number' || origin === 'bigint') {
    return `Phải ${small ? 'lớn hơn' : 'nhỏ hơn'}${inclusive === false ? '' : ' hoặc bằng'} ${limit}`;
  }
  return undefined;
}

/** zod's Vietnamese, reworded where it leaves English words ("mong đợi string có >=1 ký tự"). */
function zodVietnamese(issue: Issue, message: string): string {
  if (issue.code === 'invalid_type') {
    const [, expected = '', received = ''] = invalidType.exec(message) ?? [];
    const want = typeNames[expected] ?? expected;
    if (received === 'undefined') return `Thiếu giá trị (cần ${want})`;
    return `Sai kiểu: cần ${want}, nhận được ${typeNames[received] ?? received}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const sized = sizeText(small, limit, issue);
    if (sized) return sized;
  }
  return capitalize(text(vietnamese(issue)) ?? message);
}

/** A validation item's message in the request's language; unknown custom messages stay English. */
export function validationMessage(item: ValidationItem, lang: Lang): string {
  const message = item.message ?? 'Invalid input';
  if (lang === 'en') return message;
  const ours = vietnameseFor(message);
  if (ours) return ours;
  // The item is the zod issue spread out; put the code back to render it again.
  const issue = { ...item.params, code: item.keyword, path: [], message } as unknown as Issue;
  try {
    return isZodDefault(issue, message) ? zodVietnamese(issue, message) : message;
  } catch {
    // An issue shape zod's locales do not expect must not turn a 400 into a 500.
    return message;
  }
}
