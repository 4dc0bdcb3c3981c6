import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currencyCode } from '../../src/contracts/common.js';
import { validationMessage } from '../../src/server/plugins/validation-messages.js';

/** The messages of the validation items that the route validator makes of a bad input. */
function messages(schema: z.ZodType, input: unknown, lang: 'en' | 'vi') {
  const result = validatorCompiler({ schema, method: 'POST', url: '/' })(input);
  if (typeof result !== 'object' || !('error' in result) || !Array.isArray(result.error)) {
    throw new Error('expected the input to fail');
  }
  return result.error.map((item) => validationMessage(item, lang));
}

describe('validationMessage', () => {
  it('keeps the English exactly as zod wrote it', () => {
    expect(messages(z.object({ title: z.string().min(1) }), { title: '' }, 'en')).toEqual([
      'Too small: expected string to have >=1 characters',
    ]);
  });

  it.each([
    [z.string().min(1), '', 'Không được để trống'],
    [z.string().min(3), 'ab', 'Phải có ít nhất 3 ký tự'],
    [z.string().max(5), 'abcdef', 'Không được dài quá 5 ký tự'],
    [z.string().length(3), 'ab', 'Phải có đúng 3 ký tự'],
    [z.array(z.string()).min(1), [], 'Phải có ít nhất 1 phần tử'],
    [z.array(z.string()).max(2), ['a', 'b', 'c'], 'Chỉ được có tối đa 2 phần tử'],
    [z.number().min(0), -1, 'Phải lớn hơn hoặc bằng 0'],
    [z.number().gt(0), 0, 'Phải lớn hơn 0'],
    [z.number().max(100), 101, 'Phải nhỏ hơn hoặc bằng 100'],
    [z.number(), 'abc', 'Sai kiểu: cần số, nhận được chuỗi'],
    [z.number().int(), 1.5, 'Sai kiểu: cần số nguyên, nhận được số'],
    [z.object({ title: z.string() }), {}, 'Thiếu giá trị (cần chuỗi)'],
    [z.uuid(), 'nope', 'UUID không hợp lệ'],
    [z.iso.date(), '2025-13-01', 'Ngày ISO không hợp lệ'],
    [
      z.enum(['open', 'won']),
      'x',
      'Tùy chọn không hợp lệ: mong đợi một trong các giá trị "open"|"won"',
    ],
    [z.strictObject({}), { bogus: 1 }, 'Khóa không được nhận dạng: "bogus"'],
  ] as const)('renders zod’s own message in Vietnamese (%#)', (schema, input, vi) => {
    expect(messages(schema, input, 'vi')).toEqual([vi]);
  });

  it('translates our custom messages through the catalog', () => {
    expect(messages(currencyCode, 'usd', 'vi')).toEqual([
      'phải là mã ISO 4217 gồm ba chữ cái, ví dụ USD hoặc VND',
    ]);
  });

  it('keeps a custom message the catalog does not know in English, rather than guess', () => {
    const schema = z.string().min(3, 'needs three letters');
    expect(messages(schema, 'ab', 'vi')).toEqual(['needs three letters']);
    const refined = z.string().refine(() => false, 'not like that');
    expect(messages(refined, 'x', 'vi')).toEqual(['not like that']);
  });
});
