import type { DealStatus } from '../db/schema.js';
import { dateOfDay } from './demo-calendar.js';
import type { DemoEvent } from './demo-types.js';

/** The Sales pipeline as the simulation walks it: open stages in order, then the two ends. */
export type SalesStages = { pipelineId: string; open: string[]; won: string; lost: string };

export type DealStart = {
  id: string;
  workspaceId: string;
  ownerId: string;
  currency: string;
  value: number;
  /** Values move in whole steps of this many minor units. */
  valueStep: number;
  expectedCloseDay: number;
  createdAt: number;
};

type EventFields = Partial<DemoEvent> & Pick<DemoEvent, 'type'>;

/**
 * A deal's state and the events that led to it, changed only together: every change writes the
 * event the API would write (see deals.service and deal-move), so replaying the events always
 * gives the state.
 */
export class DealRecord {
  readonly events: DemoEvent[] = [];
  stageId: string;
  status: DealStatus = 'open';
  value: number;
  closeDay: number;
  lostReason: string | null = null;
  closedAt: Date | null = null;
  stageEnteredAt: Date;
  updatedAt: Date;
  /** One more for every moment at which the deal changed, as each update bumps it once. */
  version = 1;

  constructor(
    readonly start: DealStart,
    private readonly stages: SalesStages,
  ) {
    this.stageId = stages.open[0] as string;
    this.value = start.value;
    this.closeDay = start.expectedCloseDay;
    this.stageEnteredAt = this.updatedAt = new Date(start.createdAt);
    const { currency, ownerId } = start;
    const expectedCloseDate = dateOfDay(start.expectedCloseDay);
    this.emit(start.createdAt, {
      type: 'created',
      to_pipeline_id: stages.pipelineId,
      to_stage_id: this.stageId,
      to_value: start.value,
      to_text: 'open',
      data: JSON.stringify({ currency, ownerId, expectedCloseDate, status: 'open' }),
    });
  }

  get expectedCloseDate(): string {
    return dateOfDay(this.closeDay);
  }

  has(type: DemoEvent['type']): boolean {
    return this.events.some((e) => e.type === type);
  }

  moveTo(stageId: string, at: number): void {
    this.emit(at, {
      type: 'stage',
      from_pipeline_id: this.stages.pipelineId,
      to_pipeline_id: this.stages.pipelineId,
      from_stage_id: this.stageId,
      to_stage_id: stageId,
    });
    this.stageId = stageId;
    this.stageEnteredAt = new Date(at);
  }

  /** Into the Won or Lost stage, with the status event at the same moment. */
  close(status: 'won' | 'lost', at: number, lostReason: string | null = null): void {
    this.moveTo(status === 'won' ? this.stages.won : this.stages.lost, at);
    const data = lostReason ? JSON.stringify({ lostReason }) : null;
    this.emit(at, { type: 'status', from_text: this.status, to_text: status, data });
    this.status = status;
    this.lostReason = lostReason;
    this.closedAt = new Date(at);
  }

  revalue(value: number, at: number): void {
    this.emit(at, { type: 'value', from_value: this.value, to_value: value });
    this.value = value;
  }

  moveCloseDate(closeDay: number, at: number): void {
    const from = this.expectedCloseDate;
    this.emit(at, { type: 'close_date', from_text: from, to_text: dateOfDay(closeDay) });
    this.closeDay = closeDay;
  }

  private emit(at: number, fields: EventFields): void {
    this.events.push({ ...this.blankEvent(new Date(at)), ...fields });
    if (this.updatedAt.getTime() !== at) this.version += 1;
    this.updatedAt = new Date(at);
  }

  private blankEvent(at: Date): DemoEvent {
    return {
      workspace_id: this.start.workspaceId,
      deal_id: this.start.id,
      type: 'created',
      occurred_at: at,
      actor_id: this.start.ownerId,
      from_pipeline_id: null,
      to_pipeline_id: null,
      from_stage_id: null,
      to_stage_id: null,
      from_value: null,
      to_value: null,
      from_text: null,
      to_text: null,
      data: null,
    };
  }
}
