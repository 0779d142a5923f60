/**
 * A table that reflows into one card per row on a narrow screen (app.css, `table.reflow`): each
 * cell is labelled with its column's heading, kept up to date as rows change.
 */
export function reflow(table: HTMLTableElement) {
	const label = () => {
		const heads = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/[↕▲▼]/g, '').trim());
		for (const row of table.querySelectorAll('tbody tr'))
			[...row.children].forEach((cell, i) => {
				const text = heads[i];
				if (text && cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
			});
	};
	label();
	const watch = new MutationObserver(label);
	watch.observe(table, { childList: true, subtree: true, characterData: true });
	return { destroy: () => watch.disconnect() };
}
