/** One tooltip per chart, shown on hover and on keyboard focus; coordinates are in viewBox units. */
export class Tip {
	text = $state('');
	note = $state<string | null>(null);
	x = $state(0);
	y = $state(0);
	visible = $state(false);

	show(text: string, note: string | null, x: number, y: number) {
		this.text = text;
		this.note = note;
		this.x = x;
		this.y = y;
		this.visible = true;
	}

	hide() {
		this.visible = false;
	}
}
