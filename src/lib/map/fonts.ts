/**
 * The label fonts, bundled with the app (Noto Sans and Noto Sans Arabic, SIL OFL 1.1, from
 * @fontsource). MapLibre draws them through the style's `font-faces`, so no glyph server is ever
 * asked and labels look the same on every machine. Each font name covers Latin and Arabic script
 * (Pashto, Dari, Urdu) by unicode range, so a label in either needs no other font name.
 */
import regularLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import regularLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import semiboldLatin from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import semiboldLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';
import regularArabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import semiboldArabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_SEMIBOLD = 'Noto Sans SemiBold';

/** The font files by name, as bundled asset paths (relative to the site). */
export const FONT_FILES = {
	[FONT_REGULAR]: { latin: regularLatin, latinExt: regularLatinExt, arabic: regularArabic },
	[FONT_SEMIBOLD]: { latin: semiboldLatin, latinExt: semiboldLatinExt, arabic: semiboldArabic }
} as const;
