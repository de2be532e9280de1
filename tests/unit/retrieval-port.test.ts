import { Document } from '@langchain/core/documents';
import { RunnableLambda } from '@langchain/core/runnables';
import { describe, expect, it } from 'vitest';
import { AskService } from '../../src/answer/ask-service.js';
import type { ArticleInput } from '../../src/ingest/article.js';
import { NewsdeskRetriever } from '../../src/retrieve/langchain-retriever.js';
import { PassageRanker } from '../../src/retrieve/passage-ranker.js';
import { fakeModel } from '../helpers/fake-embeddings.js';
import { InMemoryRetrieval } from '../helpers/in-memory-retrieval.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

describe('ranking and answering through the retrieval port', () => {
  it('answers from a store that is not the library, citing the passage that holds the words', async () => {
    const store = new InMemoryRetrieval();
    store.add('g1', {
      title: 'Ferry line reopens',
      source: 'Coast News',
      paragraphs: [
        'The ferry line between the two islands reopened on Monday.',
        'The operator said the new boats carry 400 passengers each.',
      ],
    });
    store.add('g1', { title: 'Bakery wins prize', paragraphs: ['A village bakery won the regional bread prize.'] });
    store.add('g2', { title: 'Other server', paragraphs: ['The ferry operator of another server carries cars.'] });
    const model = fakeModel();
    const ranker = new PassageRanker({ retrieval: store, model });
    const asker = new AskService({ retrieval: store, ranker });

    const answer = await asker.ask('g1', 'How many passengers do the new ferry boats carry?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('400 passengers');
    expect(answer.citations.map((citation) => citation.title)).toEqual(['Ferry line reopens']);
    expect((await asker.ask('g3', 'Anything about ferries?')).abstained).toBe(true);
  });
});

describe('NewsdeskRetriever (LangChain)', () => {
  const articles: ArticleInput[] = [
    {
      title: 'Harbour strike ends',
      source: 'Harbour Times',
      url: 'https://harbour.example/strike',
      publishedAt: '2023-10-04T09:30:00Z',
      body: 'Dock workers at the container port ended their strike on Wednesday after accepting a pay offer.',
    },
    {
      title: 'Vineyards report early harvest',
      source: 'Valley Post',
      body: 'Growers in the valley began picking grapes two weeks earlier than usual after a hot summer.',
    },
  ];
  const newsdesk = newsdeskWith(articles);

  it("returns the guild's passages as Documents with their article's metadata, best first", async () => {
    const retriever = new NewsdeskRetriever({ ranker: newsdesk().ranker, guildId: 'g1', k: 2 });
    const documents = await retriever.invoke('Why did the dock workers end the strike?');
    expect(documents[0]).toBeInstanceOf(Document);
    expect(documents[0]?.pageContent).toContain('ended their strike');
    expect(documents[0]?.metadata).toMatchObject({
      title: 'Harbour strike ends',
      source: 'Harbour Times',
      url: 'https://harbour.example/strike',
      publishedAt: '2023-10-04T09:30:00.000Z',
    });
    expect(typeof documents[0]?.metadata.passageId).toBe('number');
    expect(documents[0]?.metadata.articleId).toBe(newsdesk().listSources('g1', { query: 'Harbour' }).articles[0]?.id);
  });

  it("searches only its own guild's articles", async () => {
    const other = new NewsdeskRetriever({ ranker: newsdesk().ranker, guildId: 'g2' });
    expect(await other.invoke('dock workers strike')).toEqual([]);
  });

  it('plugs into a LangChain chain', async () => {
    const retriever = new NewsdeskRetriever({ ranker: newsdesk().ranker, guildId: 'g1' });
    const titles = retriever.pipe(
      RunnableLambda.from((documents: Document[]) => documents.map((document) => document.metadata.title)),
    );
    expect((await titles.invoke('grapes picked early in the valley'))[0]).toBe('Vineyards report early harvest');
  });
});
