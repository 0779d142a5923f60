/** A small seeded random source (sfc32), so that a seed value always gives the same corpus. */

export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		const high = Math.floor(seed / 2 ** 32) >>> 0;
		this.a ^= high;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)];
	}

	/** Picks by weight; weights need not sum to one. */
	weighted<T>(choices: readonly (readonly [T, number])[]): T {
		const total = choices.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [value, w] of choices) {
			r -= w;
			if (r < 0) return value;
		}
		return choices[choices.length - 1][0];
	}

	/** `n` distinct elements in random order. */
	sample<T>(list: readonly T[], n: number): T[] {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy.slice(0, n);
	}

	/** A new independent source derived from this one. */
	fork(): Random {
		return new Random(Math.floor(this.next() * 2 ** 32) + Math.floor(this.next() * 2 ** 20) * 2 ** 32);
	}
}
