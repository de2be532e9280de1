/** Everything the bot says that is not rendered from data, in one place. */
export const DISCORD_TEXTS = {
  directMessage:
    'newsdesk works inside a server: each server has its own articles. Use my commands in a server channel where I am installed.',
  unknownCommand: 'That command is no longer available. The bot may have been updated: try again in a minute.',
  genericFailure:
    'Something went wrong on my side and nothing was changed. Please try again; if it keeps failing, tell a moderator.',
  moderatorsOnly: (command: string) =>
    `Only moderators can use /${command}: members with Manage Server, or the moderator role set in /settings.`,
  moderatorsOnlyMenu: (command: string) =>
    `Only moderators can use "${command}": members with Manage Server, or the moderator role set in /settings.`,
  messageWithoutText: 'That message has no text to ask about.',
  messageWithoutArticle: 'That message has no links or text to add.',
  threadNotStarted:
    'I could not start a thread here: I need the Create Public Threads and Send Messages in Threads permissions in this channel.',
  managersOnly: 'Only members with Manage Server can change which role counts as moderator.',
  addNeedsOneSource: 'Give exactly one of url, file or text.',
  attachmentTooLarge: (limitMb: number) => `That file is larger than ${limitMb} MB.`,
  attachmentUnreadable: 'I could not download that file from Discord. Please try again.',
  askAbstainedHint: 'Use /sources to see what has been added here.',
  closestSource: 'Closest source',
  answerFooter: 'Answered only from articles added to this server.',
  modelAnswerFooter: (model: string) =>
    `Written by ${model} from articles added to this server; every citation was checked against its article.`,
  draftFooter: 'Draft, still being written: citations are checked before the final answer.',
  noFeeds: 'This server follows no feeds. A moderator can add one with /feed add.',
  noSources: 'No articles have been added here yet. A moderator can add some with /add.',
  noSourcesMatching: (query: string) => `No articles here match "${query}".`,
  addProgress: (done: number, total: number) =>
    `Adding the articles: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} stored so far…`,
  showPassages: 'Show passages',
  previousPage: 'Previous',
  nextPage: 'Next',
  askFollowUp: 'Ask a follow-up',
  followUpModalTitle: 'Ask a follow-up',
  followUpLabel: 'Your follow-up question',
  followUpPlaceholder: 'e.g. "And how much did it cost?"',
  conversationExpired: (hours: number) =>
    `That conversation is over ${hours} hours old, so this was answered as a new question.`,
  passagesRemoved: 'The articles this answer cited have since been removed from this server.',
  passagesFooter: 'The passages this answer was taken from, shown only to you.',
} as const;
