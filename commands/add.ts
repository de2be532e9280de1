import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { deferReply } from '../src/discord/acknowledge.js';
import type { Command } from '../src/discord/command.js';
import { DraftReply } from '../src/discord/draft-reply.js';
import { renderIngestOutcomes } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';
import { DISCORD_TEXTS } from '../src/discord/texts.js';
import { InvalidInputError } from '../src/errors.js';
import type { ArticleSubmission } from '../src/newsdesk.js';

/** How often at most the reply of a long /add says how far it is. */
const ADD_PROGRESS_INTERVAL_MS = 3000;

export default {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add an article to this server (moderators): a link, a file, or pasted text.')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addStringOption((option) => option.setName('url').setDescription('Link to the article').setMaxLength(2000))
    .addAttachmentOption((option) =>
      option.setName('file').setDescription('A .txt, .md, .html or .json file with the article'),
    )
    .addStringOption((option) =>
      option.setName('text').setDescription('The article text (first line is the title)').setMaxLength(6000),
    )
    .addStringOption((option) =>
      option.setName('title').setDescription('Headline, if not in the content').setMaxLength(300),
    )
    .addStringOption((option) => option.setName('source').setDescription('Outlet, e.g. Reuters').setMaxLength(100)),
  moderatorsOnly: true,

  async execute(interaction, { services, guildId, downloadAttachment, log }) {
    const url = interaction.options.getString('url');
    const file = interaction.options.getAttachment('file');
    const text = interaction.options.getString('text');
    if ([url, file, text].filter((value) => value !== null).length !== 1) {
      throw new InvalidInputError('add-needs-one-source', DISCORD_TEXTS.addNeedsOneSource);
    }
    const overrides = {
      title: interaction.options.getString('title') ?? undefined,
      source: interaction.options.getString('source') ?? undefined,
    };
    await deferReply(interaction, { ephemeral: true });
    let submission: ArticleSubmission;
    if (file) {
      const bytes = await downloadAttachment({ name: file.name, url: file.url, size: file.size });
      submission = { ...overrides, file: { name: file.name, bytes } };
    } else if (url) submission = { ...overrides, url };
    else submission = { ...overrides, text: text ?? '' };
    // A file of many articles takes a while: the deferred reply says how far it is, every few seconds.
    const progress = new DraftReply(
      (text) => interaction.editReply({ content: text, embeds: [] }),
      log,
      ADD_PROGRESS_INTERVAL_MS,
    );
    let outcomes: Awaited<ReturnType<typeof services.addArticles>>;
    try {
      outcomes = await services.addArticles(guildId, submission, {
        onProgress: (done, total) => {
          if (total > 1 && done < total) progress.update(DISCORD_TEXTS.addProgress(done, total));
        },
      });
    } finally {
      await progress.stop();
    }
    await sendMessages(interaction, renderIngestOutcomes(outcomes), { ephemeral: true });
  },
} satisfies Command;
