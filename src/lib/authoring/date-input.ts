/**
 * A date as a user types it, to the model's date span (../schema/model.ts `DateSpan`). The form
 * takes what a source says: a day, a month, a season, a year or a span between two of them, in
 * ISO form (2024-03-18, 2024-03, 2024) or in words (18 March 2024, March 18, 2024, March 2024,
 * spring 2024, winter 2023–24), and never asks for a day the source does not give. Each problem
 * is a message at its field: a date that is not one, a day that does not exist, an end before the
 * start, a precision that does not fit what was typed, a date inferred without saying how.
 */
import type { z } from 'zod';
import type { DatePrecision, DateSpan, PartialDate } from '../schema/model.ts';
import { DateBasis as DateBasisSchema, DatePrecision as DatePrecisionSchema } from '../schema/model.ts';
import { firstDay, isRealDate, lastDay, MONTHS } from '../time/dates.ts';
import { addError, type FieldErrors } from './field-errors.ts';

export type DateBasis = z.infer<typeof DateBasisSchema>;

/** The date fields of a form, as typed. */
export interface DateDraft {
	start: string;
	end: string;
	/** Empty: taken from what was typed (a day, a month, a year, a season). */
	precision: DatePrecision | '';
	basis: DateBasis | '';
	note: string;
}

export const emptyDateDraft = (): DateDraft => ({ start: '', end: '', precision: '', basis: '', note: '' });

/** The draft of a date span the model already has (to edit a record). */
export function dateDraftOf(span: DateSpan): DateDraft {
	return {
		start: span.start,
		end: span.end ?? '',
		precision: span.precision,
		basis: span.basis,
		note: span.note ?? ''
	};
}

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/**
 * The months of a season in the northern hemisphere, as a span: spring March–May, summer
 * June–August, autumn September–November, winter December of `year` to February of the next.
 */
export function seasonSpan(season: Season, year: number): { start: PartialDate; end: PartialDate } {
	const pad = (m: number) => String(m).padStart(2, '0');
	if (season === 'winter') return { start: `${year}-12`, end: `${year + 1}-02` };
	const first = { spring: 3, summer: 6, autumn: 9 }[season];
	return { start: `${year}-${pad(first)}`, end: `${year}-${pad(first + 2)}` };
}

export type ParsedDate =
	| { ok: true; start: PartialDate; end?: PartialDate; precision: Exclude<DatePrecision, 'approximate'> }
	| { ok: false; message: string };

const HINT = 'write it as 2024-03-18, 2024-03 or 2024 (or 18 March 2024, March 2024, spring 2024)';

const monthNumber = (word: string): number | undefined => {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w.length < 3) return undefined;
	// A month's name or any abbreviation of it from three letters: Mar, Sept, Dec.
	const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(w));
	return i >= 0 ? i + 1 : undefined;
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A day, a month or a year, checked to be real: "2024-02-30" is refused, not moved to March. */
function real(date: string, shown: string): ParsedDate {
	if (!isRealDate(date)) return { ok: false, message: `“${shown}” is not a real date.` };
	const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
	return { ok: true, start: date, precision };
}

/** Parses one typed date (see the module's doc for the forms accepted). */
export function parseDateText(input: string): ParsedDate {
	const text = input.trim().replace(/\s+/g, ' ');
	if (!text) return { ok: false, message: `Required: ${HINT}.` };
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text))) {
		const [, y, mo, d] = m;
		const iso = [y, mo && pad2(Number(mo)), d && pad2(Number(d))].filter(Boolean).join('-');
		return real(iso, text);
	}
	// 18 March 2024, 18th March 2024
	if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z.]+),? (\d{4})$/.exec(text))) {
		const month = monthNumber(m[2]!);
		if (month) return real(`${m[3]}-${pad2(month)}-${pad2(Number(m[1]))}`, text);
	}
	// March 18, 2024
	if ((m = /^([A-Za-z.]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text))) {
		const month = monthNumber(m[1]!);
		if (month) return real(`${m[3]}-${pad2(month)}-${pad2(Number(m[2]))}`, text);
	}
	// March 2024
	if ((m = /^([A-Za-z.]+),? (\d{4})$/.exec(text))) {
		const month = monthNumber(m[1]!);
		if (month) return real(`${m[2]}-${pad2(month)}`, text);
		const season = m[1]!.toLowerCase().replace(/^fall$/, 'autumn') as Season;
		if (season === 'winter')
			return {
				ok: false,
				message: `Say which winter: “winter ${Number(m[2]) - 1}–${m[2]!.slice(2)}” (December ${Number(m[2]) - 1} to February ${m[2]}) or “winter ${m[2]}–${String(Number(m[2]) + 1).slice(2)}”.`
			};
		if (SEASONS.includes(season))
			return { ok: true, ...seasonSpan(season, Number(m[2])), precision: 'season' };
	}
	// winter 2023–24, winter 2023/2024
	if ((m = /^winter (\d{4}) ?[–/-] ?(\d{2}|\d{4})$/i.exec(text))) {
		const first = Number(m[1]);
		const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
		if (second === first + 1) return { ok: true, ...seasonSpan('winter', first), precision: 'season' };
		return {
			ok: false,
			message: `“${text}”: a winter runs from one year into the next (winter ${first}–${String(first + 1).slice(2)}).`
		};
	}
	return { ok: false, message: `“${text}” is not a date: ${HINT}.` };
}

/** The resolution of a partial date: YYYY-MM-DD a day, YYYY-MM a month, YYYY a year. */
const resolution = (d: PartialDate): 'day' | 'month' | 'year' =>
	d.length === 10 ? 'day' : d.length === 7 ? 'month' : 'year';

/**
 * The date span of a draft, or the problems with it, each at its field (`<prefix>.start`, …).
 * An empty precision is taken from what was typed; a season typed as the start sets the end too.
 */
export function dateSpanFromDraft(
	draft: DateDraft,
	prefix = 'date'
): { span?: DateSpan; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const field = (name: string) => `${prefix}.${name}`;
	const start = parseDateText(draft.start);
	if (!start.ok) addError(errors, field('start'), start.message);
	let endDate: PartialDate | undefined;
	if (draft.end.trim()) {
		const end = parseDateText(draft.end);
		if (!end.ok) addError(errors, field('end'), end.message);
		else if (end.precision === 'season')
			addError(
				errors,
				field('end'),
				'Give a season as the start alone (spring 2024); the end is set from it.'
			);
		else endDate = end.start;
	}
	if (start.ok && start.precision === 'season' && endDate)
		addError(
			errors,
			field('end'),
			'A season sets its own end: leave the end empty, or give months (2024-03 to 2024-05).'
		);
	if (start.ok && start.end && !endDate) endDate = start.end;

	const precision = draft.precision || (start.ok ? start.precision : '');
	if (draft.precision && !DatePrecisionSchema.safeParse(draft.precision).success)
		addError(errors, field('precision'), 'Choose day, month, season, year or approximate.');
	if (start.ok) {
		const dates = [start.start, ...(endDate ? [endDate] : [])];
		const wants = { day: 'day', month: 'month', year: 'year' } as const;
		if (precision === 'season' && (dates.some((d) => resolution(d) !== 'month') || !endDate))
			addError(
				errors,
				field('precision'),
				'A season is a span of months: type “spring 2024”, or give months as start and end (2024-03 to 2024-05).'
			);
		else if (precision in wants) {
			const want = wants[precision as keyof typeof wants];
			const off = dates.find((d) => resolution(d) !== want);
			if (off)
				addError(
					errors,
					field('precision'),
					want === 'day'
						? `“Day” needs a full date (${off} is not one); if the source gives only the month or year, choose that.`
						: `“${want[0]!.toUpperCase()}${want.slice(1)}” does not fit ${off}: ${want === 'month' ? 'give it as YYYY-MM' : 'give it as YYYY'}, or choose the precision the source gives.`
				);
		}
		if (endDate && !errors[field('end')] && lastDay(endDate) < firstDay(start.start))
			addError(errors, field('end'), `The end (${endDate}) is before the start (${start.start}).`);
	}
	if (!draft.basis)
		addError(
			errors,
			field('basis'),
			'Say where the date comes from: the text, your inference, or the publication date.'
		);
	else if (!DateBasisSchema.safeParse(draft.basis).success)
		addError(errors, field('basis'), 'Choose explicit, inferred or publication.');
	const note = draft.note.trim();
	if (draft.basis === 'inferred' && !note)
		addError(errors, field('note'), 'Say how you inferred the date (what in the text points to it).');

	if (Object.keys(errors).length || !start.ok || !precision || !draft.basis) return { errors };
	const span: DateSpan = {
		start: start.start,
		...(endDate && endDate !== start.start ? { end: endDate } : {}),
		precision: precision as DatePrecision,
		basis: draft.basis,
		...(note ? { note } : {})
	};
	return { span, errors };
}

/**
 * The draft as the form should show it after the user leaves a field: typed words turned into
 * ISO form, a season into its months, and an empty precision filled from what was typed. A date
 * that does not parse is left as typed (its message stays at the field).
 */
export function normaliseDateDraft(draft: DateDraft): DateDraft {
	const start = parseDateText(draft.start);
	const end = draft.end.trim() ? parseDateText(draft.end) : undefined;
	return {
		...draft,
		start: start.ok ? start.start : draft.start,
		end: end?.ok ? end.start : start.ok && start.end && !draft.end.trim() ? start.end : draft.end,
		precision: draft.precision || (start.ok ? start.precision : '')
	};
}
