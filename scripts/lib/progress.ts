/**
 * Progress of a run: on a terminal one line that redraws itself (files done/total, MB/s,
 * time left); in a pipe or log one plain line per file.
 */

export interface OutputStream {
	isTTY?: boolean;
	columns?: number;
	write(chunk: string): unknown;
}

export type Outcome = 'ok' | 'note' | 'error';

const LABEL: Record<Outcome, string> = { ok: 'ok   ', note: 'note ', error: 'error' };
const CLEAR_LINE = '\r\x1b[2K';
/** The status line is drawn at most this often: a terminal that redraws per file slows a run of small files. */
const REDRAW_MS = 100;

export function formatRate(bytesPerSecond: number): string {
	return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
}

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
	const minutes = Math.floor(seconds / 60);
	return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export class Progress {
	private filesDone = 0;
	private bytesDone = 0;
	private current = '';
	private drawnAt = Number.NEGATIVE_INFINITY;
	private readonly started: number;
	private readonly live: boolean;

	constructor(
		private readonly stream: OutputStream,
		private readonly totalFiles: number,
		private readonly totalBytes: number,
		private readonly now: () => number = () => performance.now()
	) {
		this.started = now();
		this.live = stream.isTTY === true;
	}

	/** The line a terminal shows while the run goes on. */
	statusLine(): string {
		const parts = [`${this.filesDone}/${this.totalFiles} files`];
		const seconds = (this.now() - this.started) / 1000;
		if (this.bytesDone > 0 && seconds > 0) {
			const rate = this.bytesDone / seconds;
			parts.push(formatRate(rate));
			const left = Math.max(0, this.totalBytes - this.bytesDone);
			if (this.filesDone < this.totalFiles) parts.push(`about ${formatDuration(left / rate)} left`);
		}
		if (this.current) parts.push(this.current);
		const line = parts.join(' · ');
		const columns = this.stream.columns ?? 0;
		const width = (columns >= 20 ? columns : 80) - 1;
		return line.length > width ? `${line.slice(0, width - 1)}…` : line;
	}

	private redraw(force = false): void {
		if (!this.live) return;
		const now = this.now();
		if (!force && now - this.drawnAt < REDRAW_MS) return;
		this.drawnAt = now;
		this.stream.write(CLEAR_LINE + this.statusLine());
	}

	/** A line that must stay visible (an error, a note); on a terminal it goes above the status line. */
	message(line: string): void {
		this.stream.write(this.live ? `${CLEAR_LINE}${line}\n` : `${line}\n`);
		this.redraw(true);
	}

	fileStarted(shownAs: string): void {
		this.current = shownAs;
		this.redraw();
	}

	fileDone(shownAs: string, bytes: number, outcome: Outcome, detail: string): void {
		this.filesDone++;
		this.bytesDone += bytes;
		this.current = '';
		const line = `${LABEL[outcome]} ${shownAs}: ${detail}`;
		if (!this.live) this.stream.write(`${line}\n`);
		else if (outcome !== 'ok') this.message(line);
		this.redraw();
	}

	/** Leaves the terminal with the cursor on a clean line. */
	finish(): void {
		if (this.live) this.stream.write(CLEAR_LINE);
	}
}
