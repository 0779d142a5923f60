/** What a benchmark ran on: machine, Node, commit, and how busy the machine was. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
	cpu: string;
	cores: number;
	memory_gb: number;
	node: string;
	platform: string;
}

export function machine(): Machine {
	return {
		cpu: cpus()[0]?.model.trim() ?? 'unknown',
		cores: availableParallelism(),
		memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		platform: `${process.platform}-${process.arch}`
	};
}

/** The commit measured, with "-dirty" when tracked files differ from it. */
export function commit(cwd: string): string {
	try {
		const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).trim();
		return dirty ? `${hash}-dirty` : hash;
	} catch {
		return 'unknown';
	}
}

/** The 1-minute load average: above the core count, other work shared the CPUs with the benchmark. */
export const load = () => Math.round(loadavg()[0] * 100) / 100;
