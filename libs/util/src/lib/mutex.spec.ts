import { Mutex } from './mutex';

describe('Mutex', () => {
  it('runs units of work one at a time, in order, even when one fails', async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const unit = (name: string, fail = false) =>
      mutex.run(async () => {
        log.push(`start ${name}`);
        await Promise.resolve();
        await Promise.resolve();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([unit('a'), unit('b', true), unit('c')]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
