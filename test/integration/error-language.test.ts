import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import {
  createTestApp,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin } = await workspaceFactory(t.db));
});
afterAll(() => t?.close());

const as = (acceptLanguage?: string) =>
  apiAs(t.app, {
    ...admin.headers,
    ...(acceptLanguage !== undefined && { 'accept-language': acceptLanguage }),
  });
const noCompany = { title: 'Hợp đồng bảo trì', companyId: '00000000-0000-4000-8000-000000000000' };

describe('error messages follow Accept-Language', () => {
  it('renders zod validation messages in Vietnamese, keeping codes and fields', async () => {
    const res = await as('vi').post('/api/v1/deals', { title: '', value: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: 'title: Không được để trống',
      field: 'title',
      details: {
        issues: [
          { field: 'title', message: 'Không được để trống' },
          { field: 'value', message: 'Phải lớn hơn hoặc bằng 0' },
        ],
      },
    });
  });

  it('translates the custom messages written in our schemas', async () => {
    const res = await as('vi').post('/api/v1/deals', { title: 'x', currency: 'usd' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('currency');
    expect(res.body.error.message).toBe(
      'currency: phải là mã ISO 4217 gồm ba chữ cái, ví dụ USD hoặc VND',
    );
  });

  it('translates domain errors', async () => {
    const res = await as('vi').post('/api/v1/deals', noCompany);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: 'Không có công ty này trong không gian làm việc',
      field: 'companyId',
    });
    const missing = await as('vi').get('/api/v1/deals/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: 'Không tìm thấy giao dịch' });
  });

  it('answers in English without the header, or when English is preferred', async () => {
    for (const header of [undefined, 'en', 'en-US,vi;q=0.5', 'fr-FR', '*']) {
      const invalid = await as(header).post('/api/v1/deals', { title: '', value: -1 });
      expect(invalid.body.error.message, header).toBe(
        'title: Too small: expected string to have >=1 characters',
      );
      const domain = await as(header).post('/api/v1/deals', noCompany);
      expect(domain.body.error.message, header).toBe('No such company in this workspace');
    }
  });

  it('picks Vietnamese from a browser-style header', async () => {
    const res = await as('vi-VN,vi;q=0.9,en;q=0.8').post('/api/v1/deals', noCompany);
    expect(res.body.error.message).toBe('Không có công ty này trong không gian làm việc');
    const weighted = await as('en;q=0.4,vi;q=0.7').post('/api/v1/deals', noCompany);
    expect(weighted.body.error.message).toBe('Không có công ty này trong không gian làm việc');
  });

  it('translates the error handler’s own messages too', async () => {
    const unauthenticated = await apiAs(t.app, { 'accept-language': 'vi' }).get('/api/v1/deals');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error).toEqual({
      code: 'unauthenticated',
      message: 'Hãy đăng nhập hoặc gửi kèm token API',
    });
    const noRoute = await as('vi').get('/api/v1/nothing-here');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body.error.message).toBe('Không có đường dẫn GET /api/v1/nothing-here');
  });
});
