import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { renderSettings } from '../src/discord/render.js';
import { sendMessages } from '../src/discord/reply.js';
import { DISCORD_TEXTS } from '../src/discord/texts.js';
import { PermissionDeniedError } from '../src/errors.js';
import type { GuildSettings } from '../src/store/guild-settings.js';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

export default {
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Show or change the daily briefing and who moderates (moderators).')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addChannelOption((option) =>
      option
        .setName('briefing_channel')
        .setDescription('Where the daily briefing is posted')
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    )
    .addStringOption((option) =>
      option.setName('briefing_time').setDescription('Local time of day, 24-hour HH:MM (e.g. 07:30)').setMaxLength(5),
    )
    .addStringOption((option) =>
      option.setName('time_zone').setDescription('IANA time zone, e.g. Europe/Berlin').setAutocomplete(true),
    )
    .addRoleOption((option) =>
      option.setName('moderator_role').setDescription('Members with this role may add and remove articles'),
    )
    .addBooleanOption((option) =>
      option.setName('ask_in_threads').setDescription('Start a thread on every /ask answer, for follow-ups'),
    )
    .addStringOption((option) =>
      option
        .setName('turn_off')
        .setDescription('Stop the daily briefing, or forget the moderator role')
        .addChoices({ name: 'daily briefing', value: 'briefing' }, { name: 'moderator role', value: 'moderator-role' }),
    ),
  moderatorsOnly: true,

  async execute(interaction, { services, guildId, canManageServer }) {
    const options = interaction.options;
    const turnOff = options.getString('turn_off');
    const change: Partial<GuildSettings> = {};
    const channel = options.getChannel('briefing_channel');
    if (channel) change.briefingChannelId = channel.id;
    const time = options.getString('briefing_time');
    if (time !== null) change.briefingTime = time;
    const zone = options.getString('time_zone');
    if (zone !== null) change.timeZone = zone;
    const threads = options.getBoolean('ask_in_threads');
    if (threads !== null) change.askInThreads = threads;
    const role = options.getRole('moderator_role');
    if (role) change.moderatorRoleId = role.id;
    if (turnOff === 'briefing') change.briefingChannelId = null;
    if (turnOff === 'moderator-role') change.moderatorRoleId = null;
    if ('moderatorRoleId' in change && !canManageServer) {
      throw new PermissionDeniedError('not-manager', DISCORD_TEXTS.managersOnly);
    }
    const settings =
      Object.keys(change).length > 0 ? services.settings.update(guildId, change) : services.settings.get(guildId);
    await sendMessages(interaction, renderSettings(settings), { ephemeral: true });
  },

  async autocomplete(interaction) {
    const typed = interaction.options.getFocused().toLowerCase().replace(/\s+/g, '_');
    const matches = TIME_ZONES.filter((zone) => zone.toLowerCase().includes(typed)).slice(0, 25);
    await interaction.respond(matches.map((zone) => ({ name: zone, value: zone })));
  },
} satisfies Command;
