/** A Web Storage stand-in held in memory, for the modules that keep small things in localStorage. */
export function memoryStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k)
	};
}

/** A storage that refuses every write, as a browser does with storage turned off or full. */
export const refusingStorage = () => ({
	getItem: () => null,
	setItem: () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	},
	removeItem: () => {}
});
