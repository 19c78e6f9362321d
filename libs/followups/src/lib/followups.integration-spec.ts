import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ManualClock } from '@followup/util';
import { randomUUID } from 'node:crypto';
import { FollowupConfigsService } from './followup-configs.service';
import { decodeCursor } from '@followup/util';
import { FollowupRecordsService } from './followup-records.service';

describe.each(ENGINES)('follow-up use cases on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const clock = new ManualClock('2026-03-01T08:00:00Z');
  let configs: FollowupConfigsService;
  let records: FollowupRecordsService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    configs = new FollowupConfigsService(store, clock);
    records = new FollowupRecordsService(store, clock);
  });
  afterAll(() => close());

  it('keeps one configuration per assistant within a location, not across locations', async () => {
    const assistant = randomUUID();
    const body = { assistant_id: assistant, trigger_status_ids: [randomUUID()], steps: [{ interval: 'PT1H', prompt: 'p' }] };
    await configs.create('loc-1', body);
    await expect(configs.create('loc-1', body)).rejects.toThrow(ConflictException);
    await expect(configs.create('loc-2', body)).resolves.toMatchObject({ tenant_id: 'loc-2' });
  });

  it('never lets an update remove the last step', async () => {
    const created = await configs.create('loc-1', {
      assistant_id: randomUUID(),
      trigger_status_ids: [randomUUID()],
      steps: [{ interval: 'PT1H', prompt: 'p' }],
    });
    await expect(configs.update('loc-1', created.id, { steps: [] })).rejects.toThrow(UnprocessableEntityException);
    const moved = await configs.update('loc-1', created.id, {
      steps: [],
      official_steps: [{ channel_id: 'c', app_id: 'a', steps: [{ interval: 'P2D', template_name: 't' }] }],
    });
    expect(moved.official_steps[0]?.steps[0]).toEqual({ interval: 'P2D', template_name: 't', template_language: 'pt_BR' });
  });

  it('keeps debt_id immutable and stamps updated_at from the clock', async () => {
    const { data } = await records.create('loc-1', { type: 'call', debt_id: 'd-1' });
    expect(data.status).toBe('on_hold');
    clock.advance(60_000);
    const updated = await records.update('loc-1', data.id, { debt_id: 'd-1', status: 'no_answer' });
    expect(updated.data).toMatchObject({ status: 'no_answer', debt_id: 'd-1', updated_at: '2026-03-01T08:01:00.000Z' });
    await expect(records.update('loc-1', data.id, { debt_id: 'd-2' })).rejects.toThrow(UnprocessableEntityException);
  });

  it('pages with opaque cursors and refuses forged ones', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await records.create('loc-3', { type: 'sms' });
    }
    const first = await records.list('loc-3', { limit: 2 });
    expect(first.data).toHaveLength(2);
    const next = first.pagination.next_cursor as string;
    expect(decodeCursor(next)).toMatchObject({ id: first.data[1]?.id });
    const second = await records.list('loc-3', { limit: 2, cursor: next });
    expect(second.data).toHaveLength(1);
    expect(second.pagination.next_cursor).toBeNull();
    await expect(records.list('loc-3', { cursor: Buffer.from('[1,2,3]').toString('base64url') })).rejects.toThrow(
      UnprocessableEntityException,
    );
  });
});
