/** One email the mail server accepted, to be marked sent. */
export interface SentMark {
  id: number;
  messageId: string;
}

interface Waiting extends SentMark {
  marked: () => void;
  failed: (error: unknown) => void;
}

/**
 * Marks accepted emails sent, every email accepted in the same turn of the event loop in one
 * durable commit. A commit waits for the disk, and sends over several connections finish while it
 * does: marked one by one, each waited behind the others' commits. Together, each is marked as soon
 * as the loop comes round, so the moment in which a power cut would send an email again is no longer
 * than before, and the disk's flush is paid once for all of them.
 */
export class SentMarks {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    /** Writes the marks in one transaction. */
    private readonly write: (marks: SentMark[]) => void,
    /** True while something else holds the database (an import): the marks wait for it. */
    private readonly busy: () => boolean,
  ) {}

  /** Resolves once the email is durably marked sent. */
  mark(id: number, messageId: string): Promise<void> {
    return new Promise((marked, failed) => {
      this.waiting.push({ id, messageId, marked, failed });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.waiting.length === 0) return;
    if (this.busy()) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 50);
      return;
    }
    const batch = this.waiting;
    this.waiting = [];
    try {
      this.write(batch.map(({ id, messageId }) => ({ id, messageId })));
    } catch (error) {
      for (const mark of batch) mark.failed(error);
      return;
    }
    for (const mark of batch) mark.marked();
  }
}
