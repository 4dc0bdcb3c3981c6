import type { StageKind } from '../db/schema.js';

export type StageTemplate = {
  name: string;
  probability: number;
  rottingDays: number | null;
  kind: StageKind;
  // Hygiene a custom pipeline's stages may bring; the built-in templates set none.
  requiredFields?: string[] | undefined;
  closeDatePushLimit?: number | null | undefined;
};

export type PipelineTemplate = {
  key: string;
  name: string;
  stages: StageTemplate[];
};

const open = (
  name: string,
  probability: number,
  rottingDays: number | null = 14,
): StageTemplate => ({
  name,
  probability,
  rottingDays,
  kind: 'open',
});
const won: StageTemplate = { name: 'Won', probability: 100, rottingDays: null, kind: 'won' };
const lost: StageTemplate = { name: 'Lost', probability: 0, rottingDays: null, kind: 'lost' };

export const salesTemplate: PipelineTemplate = {
  key: 'sales',
  name: 'Sales',
  stages: [
    open('Prospecting', 10),
    open('Qualification', 20),
    open('Demo / Meeting', 40),
    open('Proposal', 60),
    open('Negotiation & Commitment', 80),
    won,
    lost,
  ],
};

// Post-purchase stages carry the chance that the customer renews or expands.
export const postPurchaseTemplate: PipelineTemplate = {
  key: 'post-purchase',
  name: 'Post-purchase',
  stages: [
    open('Onboarding', 90, 30),
    open('Adoption', 85, 45),
    open('Renewal due', 70, 30),
    open('Expansion (upsell / cross-sell)', 40, 30),
    open('Advocacy & referrals', 95, 90),
  ],
};

export const classicSevenStepTemplate: PipelineTemplate = {
  key: 'classic-7-step',
  name: 'Classic 7-step sales process',
  stages: [
    open('Prospecting', 10),
    open('Preparation', 20),
    open('Approach', 30),
    open('Presentation', 50),
    open('Handling objections', 65),
    open('Closing', 85),
    open('Follow-up', 95, 30),
    won,
    lost,
  ],
};

export const fourStepTemplate: PipelineTemplate = {
  key: 'four-step',
  name: '4-step sales process',
  stages: [
    open('Research', 10),
    open('Prospecting', 25),
    open('Calling & closing', 60),
    open('Relationship building', 90, 30),
    won,
    lost,
  ],
};

export const pipelineTemplates: readonly PipelineTemplate[] = [
  salesTemplate,
  postPurchaseTemplate,
  classicSevenStepTemplate,
  fourStepTemplate,
];

/** Every new workspace starts with these. */
export const defaultPipelines: readonly PipelineTemplate[] = [salesTemplate, postPurchaseTemplate];

export function findTemplate(key: string): PipelineTemplate | undefined {
  return pipelineTemplates.find((t) => t.key === key);
}
