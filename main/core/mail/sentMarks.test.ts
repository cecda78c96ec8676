import { describe, expect, it } from 'vitest';
import { SentMarks, type SentMark } from './sentMarks';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SentMarks', () => {
  it('marks every email accepted in the same turn in one write, and later ones in the next', async () => {
    const writes: SentMark[][] = [];
    const marks = new SentMarks((batch) => writes.push(batch), () => false);
    const first = [marks.mark(1, 'a'), marks.mark(2, 'b'), marks.mark(3, 'c')];
    await Promise.all(first);
    await marks.mark(4, 'd');
    expect(writes).toEqual([
      [
        { id: 1, messageId: 'a' },
        { id: 2, messageId: 'b' },
        { id: 3, messageId: 'c' },
      ],
      [{ id: 4, messageId: 'd' }],
    ]);
  });

  it('answers only once the write has happened', async () => {
    const written: number[] = [];
    const marks = new SentMarks((batch) => written.push(...batch.map((mark) => mark.id)), () => false);
    let answered = false;
    const marked = marks.mark(7, 'x').then(() => {
      answered = true;
    });
    expect(written).toEqual([]);
    expect(answered).toBe(false);
    await marked;
    expect(written).toEqual([7]);
  });

  it('waits while something else holds the database', async () => {
    let busy = true;
    const writes: SentMark[][] = [];
    const marks = new SentMarks((batch) => writes.push(batch), () => busy);
    let answered = false;
    const marked = marks.mark(1, 'a').then(() => {
      answered = true;
    });
    await nextTurn();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(writes).toEqual([]);
    expect(answered).toBe(false);
    busy = false;
    await marked;
    expect(writes).toEqual([[{ id: 1, messageId: 'a' }]]);
  });

  it('fails every mark of a write that failed, and goes on with the next', async () => {
    let fail = true;
    const marks = new SentMarks(() => {
      if (fail) throw new Error('disk full');
    }, () => false);
    const results = await Promise.allSettled([marks.mark(1, 'a'), marks.mark(2, 'b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(marks.mark(3, 'c')).resolves.toBeUndefined();
  });
});
