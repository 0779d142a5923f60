/**
 * Writes the figure font: DejaVu Sans (regular and bold, from Debian's fonts-dejavu-core) cut down
 * to the characters Danish figures use, so an exported SVG can carry it inline.
 *
 *   npx tsx scripts/font-subset.ts [/usr/share/fonts/truetype/dejavu]
 *
 * The glyphs are renumbered; layout tables (kerning, ligatures) are left out, hinting is kept.
 * The licence allows modified copies as long as the name does not contain "Bitstream" or "Vera".
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'src/lib/figure/fonts';

/** Latin with Scandinavian letters, punctuation, arrows, signs the figures and notes use. */
export const CHARACTERS: [number, number][] = [
	[0x20, 0x7e],
	[0xa0, 0x17f],
	[0x2010, 0x2027],
	[0x2030, 0x203a],
	[0x20ac, 0x20ac],
	[0x2190, 0x2195],
	[0x2212, 0x2212],
	[0x2248, 0x2248],
	[0x2260, 0x2265],
	[0x25b2, 0x25bc],
	[0x26a0, 0x26a0],
	[0x2713, 0x2713],
	[0x0394, 0x0394]
];

const KEEP = new Set(['head', 'hhea', 'maxp', 'OS/2', 'name', 'cvt ', 'fpgm', 'prep', 'gasp']);

interface Table {
	tag: string;
	data: Buffer;
}

function tables(font: Buffer): Map<string, Buffer> {
	const count = font.readUInt16BE(4);
	const out = new Map<string, Buffer>();
	for (let i = 0; i < count; i++) {
		const at = 12 + i * 16;
		const tag = font.toString('latin1', at, at + 4);
		const offset = font.readUInt32BE(at + 8);
		const length = font.readUInt32BE(at + 12);
		out.set(tag, font.subarray(offset, offset + length));
	}
	return out;
}

/** Unicode → glyph id from the (3,1) format 4 subtable. */
function readCmap(cmap: Buffer): Map<number, number> {
	const count = cmap.readUInt16BE(2);
	let sub = -1;
	for (let i = 0; i < count; i++) {
		const at = 4 + i * 8;
		if (cmap.readUInt16BE(at) === 3 && cmap.readUInt16BE(at + 2) === 1) sub = cmap.readUInt32BE(at + 4);
	}
	if (sub < 0 || cmap.readUInt16BE(sub) !== 4) throw new Error('cmap: no (3,1) format 4 subtable');
	const segX2 = cmap.readUInt16BE(sub + 6);
	const ends = sub + 14;
	const starts = ends + segX2 + 2;
	const deltas = starts + segX2;
	const offsets = deltas + segX2;
	const map = new Map<number, number>();
	for (let s = 0; s < segX2 / 2; s++) {
		const end = cmap.readUInt16BE(ends + s * 2);
		const start = cmap.readUInt16BE(starts + s * 2);
		const delta = cmap.readInt16BE(deltas + s * 2);
		const rangeOffset = cmap.readUInt16BE(offsets + s * 2);
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let gid: number;
			if (rangeOffset === 0) gid = (c + delta) & 0xffff;
			else {
				const at = offsets + s * 2 + rangeOffset + (c - start) * 2;
				gid = cmap.readUInt16BE(at);
				if (gid !== 0) gid = (gid + delta) & 0xffff;
			}
			if (gid !== 0) map.set(c, gid);
		}
	}
	return map;
}

function glyphData(glyf: Buffer, loca: Buffer, longLoca: boolean, gid: number): Buffer {
	const at = (i: number) => (longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
	return glyf.subarray(at(gid), at(gid + 1));
}

/** Component glyph ids of a composite glyph, with the byte offsets where they are stored. */
function components(glyph: Buffer): { gid: number; at: number }[] {
	if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return [];
	const out: { gid: number; at: number }[] = [];
	let at = 10;
	for (;;) {
		const flags = glyph.readUInt16BE(at);
		out.push({ gid: glyph.readUInt16BE(at + 2), at: at + 2 });
		at += 4 + (flags & 0x1 ? 4 : 2);
		if (flags & 0x8) at += 2;
		else if (flags & 0x40) at += 4;
		else if (flags & 0x80) at += 8;
		if (!(flags & 0x20)) return out;
	}
}

function cmapTable(pairs: [number, number][]): Buffer {
	const segments: { start: number; end: number; delta: number }[] = [];
	for (const [code, gid] of pairs) {
		const last = segments[segments.length - 1];
		if (last && code === last.end + 1 && gid - code === last.delta) last.end = code;
		else segments.push({ start: code, end: code, delta: gid - code });
	}
	segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
	const n = segments.length;
	const sub = Buffer.alloc(16 + n * 8);
	const power = 2 ** Math.floor(Math.log2(n));
	sub.writeUInt16BE(4, 0);
	sub.writeUInt16BE(sub.length, 2);
	sub.writeUInt16BE(n * 2, 6);
	sub.writeUInt16BE(power * 2, 8);
	sub.writeUInt16BE(Math.log2(power), 10);
	sub.writeUInt16BE(n * 2 - power * 2, 12);
	segments.forEach((s, i) => {
		sub.writeUInt16BE(s.end, 14 + i * 2);
		sub.writeUInt16BE(s.start, 16 + n * 2 + i * 2);
		sub.writeUInt16BE((s.delta + 0x10000) & 0xffff, 16 + n * 4 + i * 2);
	});
	const head = Buffer.alloc(4 + 2 * 8);
	head.writeUInt16BE(0, 0);
	head.writeUInt16BE(2, 2);
	head.writeUInt16BE(0, 4);
	head.writeUInt16BE(3, 6);
	head.writeUInt32BE(head.length, 8);
	head.writeUInt16BE(3, 12);
	head.writeUInt16BE(1, 14);
	head.writeUInt32BE(head.length, 16);
	return Buffer.concat([head, sub]);
}

function checksum(data: Buffer): number {
	const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
	let sum = 0;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
	return sum;
}

function assemble(list: Table[]): Buffer {
	list.sort((a, b) => (a.tag < b.tag ? -1 : 1));
	const n = list.length;
	const power = 2 ** Math.floor(Math.log2(n));
	const header = Buffer.alloc(12 + n * 16);
	header.writeUInt32BE(0x00010000, 0);
	header.writeUInt16BE(n, 4);
	header.writeUInt16BE(power * 16, 6);
	header.writeUInt16BE(Math.log2(power), 8);
	header.writeUInt16BE(n * 16 - power * 16, 10);
	let offset = header.length;
	const bodies: Buffer[] = [];
	let headAt = -1;
	list.forEach((t, i) => {
		if (t.tag === 'head') {
			t.data = Buffer.from(t.data);
			t.data.writeUInt32BE(0, 8);
			headAt = offset;
		}
		const at = 12 + i * 16;
		header.write(t.tag, at, 'latin1');
		header.writeUInt32BE(checksum(t.data), at + 4);
		header.writeUInt32BE(offset, at + 8);
		header.writeUInt32BE(t.data.length, at + 12);
		const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
		bodies.push(padded);
		offset += padded.length;
	});
	const font = Buffer.concat([header, ...bodies]);
	font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
	return font;
}

export function subset(font: Buffer, wanted: number[]): Buffer {
	const t = tables(font);
	const need = (tag: string) => {
		const b = t.get(tag);
		if (!b) throw new Error(`font has no ${tag} table`);
		return b;
	};
	const head = Buffer.from(need('head'));
	const hhea = Buffer.from(need('hhea'));
	const maxp = Buffer.from(need('maxp'));
	const longLoca = head.readInt16BE(50) === 1;
	const glyf = need('glyf');
	const loca = need('loca');
	const hmtx = need('hmtx');
	const metrics = hhea.readUInt16BE(34);
	const cmap = readCmap(need('cmap'));

	const keep = [0];
	const seen = new Set([0]);
	const add = (gid: number) => {
		if (seen.has(gid)) return;
		seen.add(gid);
		keep.push(gid);
		for (const c of components(glyphData(glyf, loca, longLoca, gid))) add(c.gid);
	};
	const pairs: [number, number][] = [];
	for (const code of wanted) {
		const gid = cmap.get(code);
		if (gid === undefined) continue;
		add(gid);
		pairs.push([code, gid]);
	}
	const newId = new Map(keep.map((old, i) => [old, i]));

	const glyphs: Buffer[] = [];
	const offsets: number[] = [0];
	for (const old of keep) {
		const g = Buffer.from(glyphData(glyf, loca, longLoca, old));
		for (const c of components(g)) g.writeUInt16BE(newId.get(c.gid)!, c.at);
		const padded = Buffer.concat([g, Buffer.alloc((4 - (g.length % 4)) % 4)]);
		glyphs.push(padded);
		offsets.push(offsets[offsets.length - 1] + padded.length);
	}
	const newGlyf = Buffer.concat(glyphs);
	const short = newGlyf.length / 2 <= 0xffff;
	const newLoca = Buffer.alloc(offsets.length * (short ? 2 : 4));
	offsets.forEach((o, i) => (short ? newLoca.writeUInt16BE(o / 2, i * 2) : newLoca.writeUInt32BE(o, i * 4)));
	head.writeInt16BE(short ? 0 : 1, 50);

	const newHmtx = Buffer.alloc(keep.length * 4);
	keep.forEach((old, i) => {
		const aw = hmtx.readUInt16BE(Math.min(old, metrics - 1) * 4);
		const lsb = old < metrics ? hmtx.readInt16BE(old * 4 + 2) : hmtx.readInt16BE(metrics * 4 + (old - metrics) * 2);
		newHmtx.writeUInt16BE(aw, i * 4);
		newHmtx.writeInt16BE(lsb, i * 4 + 2);
	});
	hhea.writeUInt16BE(keep.length, 34);
	maxp.writeUInt16BE(keep.length, 4);

	const post = Buffer.from(need('post').subarray(0, 32));
	post.writeUInt32BE(0x00030000, 0);

	const os2 = Buffer.from(need('OS/2'));
	const codes = pairs.map((p) => p[0]);
	os2.writeUInt16BE(Math.min(...codes), 64);
	os2.writeUInt16BE(Math.min(Math.max(...codes), 0xffff), 66);

	const out: Table[] = [
		{ tag: 'head', data: head },
		{ tag: 'hhea', data: hhea },
		{ tag: 'maxp', data: maxp },
		{ tag: 'OS/2', data: os2 },
		{ tag: 'post', data: post },
		{ tag: 'cmap', data: cmapTable(pairs.map(([c, g]) => [c, newId.get(g)!] as [number, number]).sort((a, b) => a[0] - b[0])) },
		{ tag: 'glyf', data: newGlyf },
		{ tag: 'loca', data: newLoca },
		{ tag: 'hmtx', data: newHmtx }
	];
	for (const [tag, data] of t) if (KEEP.has(tag) && !out.some((o) => o.tag === tag)) out.push({ tag, data: Buffer.from(data) });
	return assemble(out);
}

export function wantedCodes(): number[] {
	const out: number[] = [];
	for (const [a, b] of CHARACTERS) for (let c = a; c <= b; c++) out.push(c);
	return out;
}

if (process.argv[1]?.endsWith('font-subset.ts')) {
	const from = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu';
	mkdirSync(OUT, { recursive: true });
	for (const [file, name] of [
		['DejaVuSans.ttf', 'DejaVuSans-figur.ttf'],
		['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold-figur.ttf']
	]) {
		const font = subset(readFileSync(join(from, file)), wantedCodes());
		writeFileSync(join(OUT, name), font);
		console.log(`${name}: ${(font.length / 1024).toFixed(1)} KiB`);
	}
}
