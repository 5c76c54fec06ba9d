/**
 * The CSS of a briefing saved as one file: the presenter's layout (the map full screen, the
 * scene's card over it on the left), with the colours of the design tokens written in as values,
 * because the file has no tokens.css. MapLibre's own CSS is added by the presenter's script.
 */
import { themeColours as c, withAlpha } from '../../theme/colours.ts';

export function fileStyle(): string {
	return `
html, body { margin: 0; height: 100%; }
body { font-family: 'Noto Sans', system-ui, sans-serif; color: ${c.ink}; background: ${c.water}; }
.noscript { margin: 2rem; }
main { position: fixed; inset: 0; }
main .map { width: 100%; height: 100%; }
.card {
	position: absolute; top: 1rem; left: 1rem; bottom: 1rem; z-index: 2;
	width: min(26rem, calc(100% - 2rem)); box-sizing: border-box; overflow-y: auto;
	padding: 1rem 1.2rem; border: 1px solid ${c.line}; border-radius: 8px;
	background: ${withAlpha(c.surfacePanel, 0.97)}; box-shadow: 0 6px 24px ${c.shadow};
}
.deck { margin: 0; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em; color: ${c.inkMuted}; }
.progress { height: 4px; margin: 0.5rem 0 0.2rem; border-radius: 2px; background: ${c.lineFaint}; }
.progress span { display: block; height: 100%; border-radius: 2px; background: ${c.accent}; transition: width 0.3s; }
.count { margin: 0; font-size: 0.78rem; color: ${c.inkMuted}; }
h1 { font-size: 1.45rem; line-height: 1.25; margin: 0.4rem 0; }
h1:focus { outline: none; }
h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: ${c.inkMuted}; margin: 0.8rem 0 0; }
.text { font-size: 1.02rem; line-height: 1.55; }
.window { font-size: 0.88rem; }
.legend { list-style: none; padding: 0; margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.84rem; }
.legend li { display: flex; align-items: center; gap: 0.3rem; }
.legend svg { flex: none; }
.citations { margin: 0.4rem 0 0; padding-left: 1.4rem; font-size: 0.85rem; line-height: 1.45; }
.citations li { margin-bottom: 0.35rem; }
.citations q { quotes: '\\201C' '\\201D'; }
.citations .source { color: ${c.inkMuted}; }
.notes { margin-top: 0.8rem; padding: 0.5rem 0.7rem; font-size: 0.88rem; background: ${c.warningSurface}; border-left: 3px solid ${c.warningEdge}; }
.controls { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 1rem; align-items: center; }
.controls button {
	font: inherit; font-size: 0.85rem; padding: 0.3rem 0.65rem; cursor: pointer;
	border: 1px solid ${c.lineStrong}; border-radius: 4px; background: ${c.surfaceRaised}; color: ${c.ink};
}
.controls button:disabled { color: ${c.inkInactive}; cursor: default; }
.controls button:focus-visible { outline: 3px solid ${c.accent}; }
.area-events, .border-note { margin: 0.5rem 0; font-size: 0.84rem; }
.area-events summary, .border-note summary { cursor: pointer; color: ${c.inkMuted}; }
.area-events ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.border-note .provenance { color: ${c.inkSubtle}; font-style: italic; }
.colophon { margin: 1rem 0 0; font-size: 0.75rem; color: ${c.inkSubtle}; }
.problem { position: absolute; right: 1rem; bottom: 2.5rem; z-index: 3; max-width: 24rem; margin: 0; padding: 0.5rem 0.75rem;
	background: ${c.warningSurface}; border: 1px solid ${c.warningBorder}; border-radius: 6px; }
@media print { .controls { display: none; } }
`;
}
