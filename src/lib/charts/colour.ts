/**
 * Colour checks for the palette: WCAG contrast against white, CIEDE2000 differences, and how the
 * colours look to viewers with colour-vision deficiencies (Machado, Oliveira & Fernandes 2009,
 * severity 1) and on a projector in a lit room (the image washed towards white).
 */
export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
	const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`not a colour: ${hex}`);
	return [parseInt(m[1], 16) / 255, parseInt(m[2], 16) / 255, parseInt(m[3], 16) / 255];
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const clamp = (c: number) => Math.min(1, Math.max(0, c));

export function linear(rgb: Rgb): Rgb {
	return rgb.map(toLinear) as Rgb;
}

export function gamma(rgb: Rgb): Rgb {
	return rgb.map((c) => toGamma(clamp(c))) as Rgb;
}

export function luminance(rgb: Rgb): number {
	const [r, g, b] = linear(rgb);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio. */
export function contrast(a: Rgb, b: Rgb): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

export type Lab = [number, number, number];

export function toLab(rgb: Rgb): Lab {
	const [r, g, b] = linear(rgb);
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	const [fx, fy, fz] = [f(x), f(y), f(z)];
	return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** CIEDE2000 colour difference. */
export function deltaE(a: Lab, b: Lab): number {
	const [L1, a1, b1] = a;
	const [L2, a2, b2] = b;
	const C1 = Math.hypot(a1, b1);
	const C2 = Math.hypot(a2, b2);
	const Cm = (C1 + C2) / 2;
	const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
	const a1p = (1 + G) * a1;
	const a2p = (1 + G) * a2;
	const C1p = Math.hypot(a1p, b1);
	const C2p = Math.hypot(a2p, b2);
	const h = (bb: number, ap: number) => (bb === 0 && ap === 0 ? 0 : (deg(Math.atan2(bb, ap)) + 360) % 360);
	const h1p = h(b1, a1p);
	const h2p = h(b2, a2p);
	const dL = L2 - L1;
	const dC = C2p - C1p;
	let dh = 0;
	if (C1p * C2p !== 0) {
		dh = h2p - h1p;
		if (dh > 180) dh -= 360;
		else if (dh < -180) dh += 360;
	}
	const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dh / 2));
	const Lm = (L1 + L2) / 2;
	const Cmp = (C1p + C2p) / 2;
	let hm = h1p + h2p;
	if (C1p * C2p !== 0) {
		if (Math.abs(h1p - h2p) > 180) hm += h1p + h2p < 360 ? 360 : -360;
		hm /= 2;
	}
	const T =
		1 - 0.17 * Math.cos(rad(hm - 30)) + 0.24 * Math.cos(rad(2 * hm)) + 0.32 * Math.cos(rad(3 * hm + 6)) - 0.2 * Math.cos(rad(4 * hm - 63));
	const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
	const Rc = 2 * Math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7));
	const Sl = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
	const Sc = 1 + 0.045 * Cmp;
	const Sh = 1 + 0.015 * Cmp * T;
	const Rt = -Math.sin(rad(2 * dTheta)) * Rc;
	return Math.sqrt((dL / Sl) ** 2 + (dC / Sc) ** 2 + (dH / Sh) ** 2 + Rt * (dC / Sc) * (dH / Sh));
}

export type Vision = 'normal' | 'protan' | 'deutan' | 'tritan';

const MACHADO: Record<Exclude<Vision, 'normal'>, number[][]> = {
	protan: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	deutan: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	tritan: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.147602],
		[0.004733, 0.691367, 0.3039]
	]
};

/** How a colour looks to a viewer with a full deficiency of one cone type. */
export function simulate(rgb: Rgb, vision: Vision): Rgb {
	if (vision === 'normal') return rgb;
	const m = MACHADO[vision];
	const l = linear(rgb);
	return gamma(m.map((row) => row[0] * l[0] + row[1] * l[1] + row[2] * l[2]) as Rgb);
}

/** A projector in a lit room: ambient light adds to every pixel (here a fifth of white, in linear light). */
export function projected(rgb: Rgb, ambient = 0.2): Rgb {
	return gamma(linear(rgb).map((c) => c * (1 - ambient) + ambient) as Rgb);
}
