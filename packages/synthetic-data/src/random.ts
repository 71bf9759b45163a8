/** A small, fast, seeded generator (mulberry32): the same seed gives the same demo data everywhere. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    // next() < 1, so the index lies within the list: the item is a T (which may itself include undefined).
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A generator for one purpose, independent of how much another purpose consumed. */
  fork(label: string): SeededRandom {
    let hash = this.state ^ 0x811c9dc5;
    for (const ch of label) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
    return new SeededRandom(hash);
  }
}
