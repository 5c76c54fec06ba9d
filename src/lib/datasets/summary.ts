/**
 * The running count of an import, and its summary in words: "1,200 imported, 3 rejected", with
 * the rejections counted by reason in the order of REJECTION_CODES.
 */
import { REASONS } from './reasons.ts';
import {
	REJECTION_CODES,
	type DatasetFormat,
	type ImportSummary,
	type Rejection,
	type RejectionCode
} from './types.ts';

const count = (n: number) => n.toLocaleString('en-GB');

export function summaryWords(imported: number, rejected: number): string {
	return `${count(imported)} imported, ${count(rejected)} rejected`;
}

export class ImportTally {
	read = 0;
	imported = 0;
	blank = 0;
	readonly byCode = new Map<RejectionCode, number>();

	get rejected(): number {
		let n = 0;
		for (const v of this.byCode.values()) n += v;
		return n;
	}

	addRejections(rejections: readonly Rejection[]): void {
		for (const r of rejections) this.byCode.set(r.code, (this.byCode.get(r.code) ?? 0) + 1);
	}

	summary(format: DatasetFormat, columns: readonly string[]): ImportSummary {
		const rejected = this.rejected;
		return {
			format,
			columns: [...columns],
			read: this.read,
			imported: this.imported,
			rejected,
			blank: this.blank,
			byReason: REJECTION_CODES.filter((code) => this.byCode.has(code)).map((code) => ({
				code,
				label: REASONS[code].label,
				count: this.byCode.get(code)!
			})),
			words: summaryWords(this.imported, rejected)
		};
	}
}
