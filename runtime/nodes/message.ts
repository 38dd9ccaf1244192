import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';
import { whatsappLimits } from '../../shared/whatsapp-limits.ts';
import { truncate } from '../../shared/text/truncate.ts';
import { splitText } from '../../shared/text/split-text.ts';

/** Text first (split at 4096 on word boundaries), then the media with its caption. */
export const message: Executor<'message'> = {
  enter(node, ctx) {
    const text = ctx.render(node.data.text).trim();
    for (const chunk of splitText(text)) ctx.send({ kind: 'text', text: chunk });
    const media = node.data.media;
    if (media) {
      const url = ctx.render(media.url).trim();
      const caption = media.caption && media.kind !== 'audio' ? ctx.render(media.caption).trim() : '';
      if (url !== '') {
        ctx.send({
          kind: 'media',
          media: media.kind,
          url,
          ...(caption ? { caption: truncate(caption, whatsappLimits.caption) } : {}),
          ...(media.filename ? { filename: media.filename } : {}),
        });
      }
    }
    return output('next');
  },
};
