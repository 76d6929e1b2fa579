import { formatDay } from '../briefing/compose-briefing.js';
import type { ViewModel } from '../briefing/view-model.js';
import type { RenderContext } from './context.js';
import { layout, drawLines } from './render-inline.js';

/** The cover page: logo, title, subtitle, period, organisation, date and classification. */
export function drawCover(ctx: RenderContext, view: ViewModel, logo: Buffer | undefined): void {
  const { doc, theme } = ctx;
  const { margins } = theme.page;
  const top = doc.page.height * 0.28;
  if (logo) {
    doc.markContent('Artifact', { type: 'Layout' });
    doc.image(logo, margins.left, margins.top, { fit: [140, 70] });
    doc.endMarkedContent();
  }
  doc.y = top;
  const block = (text: string, size: number, color: string, font: 'heading' | 'sans' | 'bodyItalic', type = 'P') => {
    if (!text) return;
    const element = doc.struct(type);
    ctx.parent.add(element);
    drawLines(ctx, layout(ctx, [{ text, font, size, color }]), element);
    element.end();
    doc.y += size * 0.5;
  };
  block(view.brief.title, theme.sizes.h1 * 1.45, theme.colors.heading, 'heading', 'H1');
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(ctx.x, doc.y).lineTo(ctx.x + ctx.width * 0.4, doc.y).lineWidth(2).strokeColor(theme.colors.accent).stroke();
  doc.endMarkedContent();
  doc.y += 14;
  block(view.brief.subtitle, theme.sizes.h2, theme.colors.text, 'bodyItalic');
  doc.y += 20;
  block(view.period.text, theme.sizes.h2 * 1.1, theme.colors.heading, 'heading');
  block(view.brief.organization, theme.sizes.body * 1.2, theme.colors.muted, 'sans');
  // Written out as everywhere else in the brief; Intl would load ICU's date formats (~10 ms) for one month name.
  block(`Issued ${formatDay(view.period.to)}`, theme.sizes.body, theme.colors.muted, 'sans');
  if (view.brief.classification) {
    doc.y = doc.page.height - margins.bottom - 60;
    block(view.brief.classification, theme.sizes.h2, theme.colors.accent, 'heading');
  }
}
