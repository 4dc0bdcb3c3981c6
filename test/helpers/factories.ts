import type { Api } from './api.js';

let n = 0;

/** Creates a deal through the API; overrides win. Fails the test loudly on a non-201. */
export async function dealFactory(api: Api, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/v1/deals', {
    title: `Deal ${++n}`,
    value: 100_000,
    currency: 'USD',
    ...overrides,
  });
  if (res.status !== 201)
    throw new Error(`deal factory: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function companyFactory(api: Api, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/v1/companies', { name: `Company ${++n}`, ...overrides });
  if (res.status !== 201)
    throw new Error(`company factory: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function contactFactory(api: Api, overrides: Record<string, unknown> = {}) {
  const res = await api.post('/api/v1/contacts', { name: `Contact ${++n}`, ...overrides });
  if (res.status !== 201)
    throw new Error(`contact factory: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export type StageLite = { id: string; name: string; kind: string; probability: number };
export type PipelineLite = { id: string; name: string; stages: StageLite[] };

export async function salesPipeline(
  api: Api,
): Promise<PipelineLite & { stage: (name: string) => StageLite }> {
  const pipelines: PipelineLite[] = (await api.get('/api/v1/pipelines')).body.data;
  const sales = pipelines.find((p) => p.name === 'Sales');
  if (!sales) throw new Error('no Sales pipeline');
  return {
    ...sales,
    stage: (name: string) => {
      const s = sales.stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s;
    },
  };
}
