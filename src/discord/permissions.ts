import { type BaseInteraction, GuildMember, PermissionFlagsBits } from 'discord.js';
import type { GuildSettings } from '../store/guild-settings.js';

/** Whether the member who caused the interaction has Manage Server here. */
export function canManageServer(interaction: BaseInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

function memberRoleIds(interaction: BaseInteraction): readonly string[] {
  const member = interaction.member;
  if (!member) return [];
  if (member instanceof GuildMember) return [...member.roles.cache.keys()];
  // An uncached member arrives as the raw API object, whose roles are a list of ids.
  return Array.isArray(member.roles) ? member.roles : [];
}

/**
 * Moderators are members with Manage Server, plus members with the role set in /settings. This is
 * checked in the bot: `default_member_permissions` only hides commands, and server admins can change it.
 */
export function isModerator(interaction: BaseInteraction, settings: GuildSettings): boolean {
  if (canManageServer(interaction)) return true;
  return settings.moderatorRoleId !== null && memberRoleIds(interaction).includes(settings.moderatorRoleId);
}
