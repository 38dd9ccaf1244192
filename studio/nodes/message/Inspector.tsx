import { mediaKinds, type MediaAttachment } from '../../../shared/flow/nodes/message.ts';
import { useT } from '../../i18n/index.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TemplateField } from '../form/TemplateField.tsx';
import { TextField } from '../form/TextField.tsx';
import type { InspectorProps } from '../inspector-props.ts';
import { TemplateSection } from './TemplateSection.tsx';

type Kind = MediaAttachment['kind'] | 'none';

export function MessageInspector({ node, update }: InspectorProps<'message'>) {
  const t = useT();
  const media = node.data.media;
  const setMedia = (patch: Partial<MediaAttachment>, field: string) =>
    media && update({ media: { ...media, ...patch } }, field);
  return (
    <>
      <TemplateField
        label={t('editor.field.text')}
        value={node.data.text}
        multiline
        rows={5}
        maxLength={4096}
        onChange={(text) => update({ text }, 'text')}
      />
      <SelectField<Kind>
        label={t('editor.field.media')}
        value={media?.kind ?? 'none'}
        options={[
          { value: 'none', label: t('editor.choice.none') },
          ...mediaKinds.map((k) => ({ value: k, label: t(`editor.choice.${k}`) })),
        ]}
        onChange={(kind) =>
          update({ media: kind === 'none' ? null : { url: media?.url ?? 'https://', ...media, kind } }, 'media')
        }
      />
      {media && (
        <>
          <TemplateField
            label={t('editor.field.mediaUrl')}
            value={media.url}
            onChange={(url) => setMedia({ url }, 'media.url')}
          />
          {media.kind !== 'audio' && (
            <TemplateField
              label={t('editor.field.caption')}
              value={media.caption ?? ''}
              onChange={(caption) => setMedia({ caption: caption || undefined }, 'media.caption')}
            />
          )}
          {media.kind === 'document' && (
            <TextField
              label={t('editor.field.filename')}
              value={media.filename ?? ''}
              onChange={(filename) => setMedia({ filename: filename || undefined }, 'media.filename')}
            />
          )}
        </>
      )}
      <TemplateSection node={node} update={update} />
    </>
  );
}
