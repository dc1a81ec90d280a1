/**
 * Reads a text/event-stream response as a browser's EventSource would (the parts tests need):
 * events with their name, id and data, comments, and whether the server ended the stream.
 */
export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  comments = 0;
  /** Every `retry:` the server sent (EventSource's reconnection delay), in order. */
  readonly retries: number[] = [];
  ended = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
    void this.pump();
  }

  private async pump() {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
        this.wake();
      }
    } catch {
      // cancelled by close()
    }
    this.ended = true;
    this.wake();
  }

  private parse(block: string) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const at = line.indexOf(':');
      const name = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      fields++;
      if (name === 'event') event = value;
      else if (name === 'id') id = value;
      else if (name === 'data') data.push(value);
      else if (name === 'retry' && /^\d+$/.test(value)) this.retries.push(Number(value));
    }
    if (fields > 0 && (data.length > 0 || id !== undefined))
      this.events.push({ event, id, data: data.join('\n') });
  }

  private wake() {
    for (const w of this.waiters) w();
  }

  /** Events of one name (all when no name is given). */
  named(event?: string): SseEvent[] {
    return event ? this.events.filter((e) => e.event === event) : this.events;
  }

  /** Waits until `check` holds (re-checked on every chunk); fails after `ms`. */
  async until(check: () => boolean, what: string, ms = 5000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`stream: timed out waiting for ${what}; got ${JSON.stringify(this.events)}`));
      }, ms);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits for the n-th event of a name (1-based, default the first) and returns it. */
  async next(event: string, n = 1, ms = 5000): Promise<SseEvent> {
    await this.until(() => this.named(event).length >= n, `${n} × ${event}`, ms);
    return this.named(event)[n - 1]!;
  }

  /** Waits until the server has ended the stream. */
  async end(ms = 5000): Promise<void> {
    await this.until(() => this.ended, 'the end of the stream', ms);
  }

  /** Closes the stream from the client side (the browser leaves the page). */
  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
