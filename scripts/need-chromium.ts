/**
 * Before `npm test`: the browser tests drive Debian's Chromium. When it is missing, install it as
 * CI does (root with apt-get), or stop at once with the one command that installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];

if (!existsSync(CHROMIUM)) {
	const root = process.getuid?.() === 0;
	if (root && existsSync('/usr/bin/apt-get')) {
		process.stderr.write(`Installing Debian's chromium for the browser tests (${PACKAGES.join(', ')})\n`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
	} else {
		process.stderr.write(`The browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n\n  sudo apt-get install -y ${PACKAGES.join(' ')}\n\nthen run npm test again.\n`);
		process.exit(1);
	}
}
