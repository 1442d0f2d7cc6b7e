import type { Message } from '@rapport/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIngestQueue } from '../src/ingest-queue';
import type { IngestMessage } from '../src/store/ingest';
import { databases, type OpenedDatabase } from './helpers/databases';
import { message } from './helpers/requests';
import { seedProjects } from './helpers/test-app';

const PROJECT = 'proj_test';
const RECEIVED = new Date('2026-03-02T12:00:00.000Z');

function track(id: string, at = '2026-03-02T11:00:00.000Z'): IngestMessage {
  return { message: message('track', { id }) as Message, at };
}

describe.each(databases)('grouped ingest batches on $name', (database) => {
  let opened: OpenedDatabase;
  beforeAll(async () => {
    opened = await database.open();
  }, 30_000);
  afterAll(() => opened?.close());
  beforeEach(async () => {
    await opened.truncate();
    await seedProjects(opened.store);
  });

  async function storedIds(): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`SELECT id FROM events ORDER BY id`.execute(
      opened.store.db,
    );
    return rows.map((row) => row.id);
  }

  /**
   * With one statement in flight, batches sent while it runs are written together by the
   * next statement: `first` occupies the queue, `grouped` then share one statement.
   */
  function sendGrouped(grouped: IngestMessage[][]) {
    const queue = createIngestQueue(opened.store.db, { maxInFlight: 1 });
    const first = queue.ingest(PROJECT, [track('first')], RECEIVED);
    const results = grouped.map((batch) =>
      queue.ingest(PROJECT, batch, RECEIVED).then(
        (accepted) => ({ accepted }),
        (error: { code?: string }) => ({ error }),
      ),
    );
    return Promise.all([first, ...results]);
  }

  it('counts an id sent by two grouped requests once, and answers after the commit', async () => {
    const [, a, c] = await sendGrouped([
      [track('a1'), track('shared')],
      [track('shared'), track('c1')],
    ]);
    expect(a).toEqual({ accepted: 2 });
    expect(c).toEqual({ accepted: 1 });
    // Read from another connection: what was acknowledged is committed.
    expect(await storedIds()).toEqual(['a1', 'c1', 'first', 'shared']);
  });

  it('fails only the batch with a row the database refuses; its neighbours are stored', async () => {
    const [, a, bad, c] = await sendGrouped([
      [track('a1'), track('shared')],
      [track('b1'), track('b2', 'not a time')],
      [track('shared'), track('c1')],
    ]);
    expect(bad).toMatchObject({ error: { code: expect.stringMatching(/^22/) } });
    // Retried one by one, the shared id is still accepted by exactly one of the two.
    expect([a, c]).toContainEqual({ accepted: 2 });
    expect([a, c]).toContainEqual({ accepted: 1 });
    expect(await storedIds()).toEqual(['a1', 'c1', 'first', 'shared']);

    // Nothing of the refused batch was kept, so its corrected retry is stored in full.
    const queue = createIngestQueue(opened.store.db);
    expect(await queue.ingest(PROJECT, [track('b1'), track('b2')], RECEIVED)).toBe(2);
  });
});
