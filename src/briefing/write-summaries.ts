import { checkCitations, type PromptPassage } from '../answer/citation-check.js';
import type { ModelWriter } from '../answer/model-writer.js';
import { componentLogger } from '../logger.js';
import type { Briefing, BriefingStory } from './briefing.js';
import type { ProfiledArticle } from './story-profile.js';

const log = componentLogger('briefing');

/** A story's articles shown to the model: more adds little to two or three sentences. */
const ARTICLES_PER_STORY = 5;
const MAX_SENTENCES = 3;

/**
 * Rewrite each top story's summary with the configured model, checked like an answer: a sentence
 * stays only when the lead it cites supports it. A story whose draft fails or keeps nothing keeps
 * its extractive sentences.
 */
export async function writeStorySummaries(
  briefing: Briefing,
  articles: readonly ProfiledArticle[],
  writer: ModelWriter,
): Promise<Briefing> {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const numberOf = new Map(briefing.sources.map((source) => [source.articleId, source.n]));
  let rewritten = 0;
  const stories: BriefingStory[] = [];
  for (const story of briefing.stories) {
    const passages: PromptPassage[] = story.articleIds
      .map((id) => byId.get(id))
      .filter((article): article is ProfiledArticle => article !== undefined)
      .slice(0, ARTICLES_PER_STORY)
      .map((article, index) => ({
        n: index + 1,
        articleId: article.id,
        passageId: 0,
        title: article.title,
        source: article.source,
        url: article.url,
        publishedAt: Number.isFinite(article.publishedAt) ? new Date(article.publishedAt).toISOString() : null,
        text: article.lead,
      }));
    let sentences = story.sentences;
    try {
      const check = checkCitations(await writer.summarise(passages), passages);
      const kept = check.kept.slice(0, MAX_SENTENCES).flatMap((sentence) => {
        const articleId = passages.find((passage) => passage.n === sentence.sources[0])?.articleId;
        const n = articleId === undefined ? undefined : numberOf.get(articleId);
        return n === undefined ? [] : [{ text: sentence.text, n }];
      });
      if (kept.length > 0) {
        sentences = kept;
        rewritten += 1;
      } else {
        log.warn(
          { story: story.headline, removed: check.removed.length },
          'no checked sentence; story kept extractive',
        );
      }
    } catch (error) {
      log.warn(
        { story: story.headline, reason: error instanceof Error ? error.message : String(error) },
        'story summary failed; story kept extractive',
      );
    }
    stories.push({ ...story, sentences });
  }
  return rewritten > 0 ? { ...briefing, stories, writtenBy: writer.model } : briefing;
}
