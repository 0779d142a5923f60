/**
 * Runs a command and measures it from outside: wall time, CPU time (user + system) and peak
 * resident memory of the process (the CLI is one process; its workers are threads in it).
 * Uses GNU time when present, else samples /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
	code: number | null;
	stdout: string;
	stderr: string;
	wallSeconds: number;
	cpuSeconds: number | null;
	peakRssMb: number | null;
	/** How peak memory was measured. */
	rssSource: 'gnu-time' | 'proc-sampling' | 'none';
}

const GNU_TIME = '/usr/bin/time';
const CLOCK_TICKS = 100;

async function sampleProc(pid: number, stop: () => boolean): Promise<{ peakKb: number; cpuTicks: number }> {
	let peakKb = 0;
	let cpuTicks = 0;
	while (!stop()) {
		try {
			const status = await readFile(`/proc/${pid}/status`, 'utf8');
			const hwm = /VmHWM:\s+(\d+)/.exec(status);
			if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
			const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
			cpuTicks = Number(stat[11]) + Number(stat[12]);
		} catch {
			break;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return { peakKb, cpuTicks };
}

export async function runMeasured(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ProcessRun> {
	const useTime = existsSync(GNU_TIME);
	const scratch = await mkdtemp(join(tmpdir(), 'bench-time-'));
	const timeFile = join(scratch, 'time.txt');
	const [cmd, argv] = useTime ? [GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]] : [command, [...args]];
	const started = performance.now();
	const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c) => (stdout += c));
	child.stderr.on('data', (c) => (stderr += c));
	let done = false;
	const sampling = useTime || !child.pid ? null : sampleProc(child.pid, () => done);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	done = true;
	const wallSeconds = (performance.now() - started) / 1000;
	try {
		if (useTime) {
			const [, user, sys, rssKb] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number);
			return { code, stdout, stderr, wallSeconds, cpuSeconds: user + sys, peakRssMb: rssKb / 1024, rssSource: 'gnu-time' };
		}
		const sampled = await sampling;
		return {
			code,
			stdout,
			stderr,
			wallSeconds,
			cpuSeconds: sampled ? sampled.cpuTicks / CLOCK_TICKS : null,
			peakRssMb: sampled ? sampled.peakKb / 1024 : null,
			rssSource: sampled ? 'proc-sampling' : 'none'
		};
	} finally {
		await rm(scratch, { recursive: true, force: true });
	}
}
