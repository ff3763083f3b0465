/**
 * Group commit: calls made while a write is in flight wait and go out together in the next one, so a burst of
 * requests costs a few round trips and commits instead of one each. The first call of a quiet moment is written at
 * once (no timer): batching adds no delay when there is nothing to batch.
 */
export class WriteBatcher<In, Out> {
  private waiting: Array<{ input: In; resolve: (output: Out) => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  /** `write` receives the inputs in call order and returns one output per input, in the same order. */
  constructor(
    private readonly write: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
  ) {}

  add(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const outputs = await this.write(batch.map((call) => call.input));
        for (const [index, call] of batch.entries()) call.resolve(outputs[index] as Out);
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
    this.writing = false;
  }
}
