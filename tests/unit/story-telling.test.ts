import { describe, expect, it } from 'vitest';
import { readsAsEvergreen } from '../../src/briefing/evergreen.js';
import { namesOwnOutlet, standsAlone } from '../../src/briefing/summarize-story.js';
import type { ArticleInput } from '../../src/ingest/article.js';
import { newsdeskWith } from '../helpers/newsdesk-with.js';

describe('how a story is told', () => {
  it.each([
    ['He said that the plan would work well for everyone on the island.', false],
    ['Or, to be precise, it can be a musical about the island ferry.', false],
    ['This is the biggest strike the port has seen in a generation, union leaders say.', false],
    ['ADVERTISEMENT Article continues below this ad and the port reopened on Friday.', false],
    ['9 Fans cheered the derby win at the stadium Credit: Getty Images and more fans came.', false],
    ['MORE: Port strike ends It is quite possible this was the longest strike in years.', false],
    ['Watch this story: Port strike ends after nine days.', false],
    ['More than 110,000 dock workers joined the port strike on Monday.', true],
    ['MORE PORT NEWS: Strike ends after nine days.', false],
    ['More from the port: The strike ended after nine days.', false],
    ['13, the port authority took the stage at the annual shipping conference in Harbourtown.', false],
    ['The laggards Meanwhile, shipping companies fell despite the end of the port strike.', false],
    ['The port strike is over, this is how the port got here The long-awaited deal was signed on Friday.', false],
    ['Meet the startups building in a port winter The demo day focuses on shipping software.', false],
    ['For example, according to union sources, the port has lost at least 100 sailings this year.', false],
    ['Today, that took the form of a vote on the pay offer at the container port.', false],
    ['(No, moving two cranes together is not quite the same thing as a new berth.)', false],
    ['Port Deals Updated October 11: We added new deals on ferry tickets and harbour tours.', false],
    ['Union turns up the heat on the port in wake of the strike The Harbour Board is raising fees.', false],
    ['The port chief told The Harbour Times she would meet the union again on Friday.', true],
    ['In an interview with The Coast Gazette, the port chief said the strike was over.', true],
    ['On Friday, dock workers at the container port ended their strike after a pay deal.', true],
    ['Dock workers at the container port ended their strike on Friday after a pay deal.', true],
    ['The strike was reported by The Harbour Times and the Coast Gazette on Friday morning.', true],
    ['Dockers watched the film A Quiet Harbour before they voted to end the strike on Friday.', true],
    ['The harbour board also says it is prioritising checks on the ferry ramps this winter.', false],
    ['Coast Ferries (down 0.2 per cent) and Harbour Cranes (down 0.5 per cent) also fell.', false],
    ['The port not only reopened on Friday but also cut its fees for the winter.', true],
    ['The 31-year-old co-founded the shipping firm in 2019 with two friends from school.', false],
    ['Days earlier, the union had accused the port of hiring workers in secret.', false],
    ['Under this change the port says it will close the north gate to lorries at night.', false],
    ['After this week’s vote the port will close the north gate to lorries at night.', true],
    ['Built over two years by crews from three towns, it was the longest bridge in the county.', false],
    ['“It is a novelty for the port and a good day for the town,” she suggested.', false],
    ['“We will put the safety of passengers first on every crossing,” it added.', false],
    ['“The port is open again for the town,” the port chief Ann Lowe said on Friday.', true],
    ['The Harbour Nights singer was seen at the ferry terminal with the port chief on Friday.', false],
    ['The pair were seen at the ferry terminal with the port chief on Friday evening.', false],
    ['The folk singer Ann Lowe opened the new ferry terminal with the port chief on Friday.', true],
    ['If you are here for the ferries, this route is the slowest way across the bay by far.', false],
    ['When the long strike finally ended, these workers went back to the port on Friday.', false],
    ['When the long strike finally ended, this week’s sailings were restored at the port.', true],
  ])('quotes %j only if it stands alone: %s', (sentence, quoted) => {
    expect(standsAlone(sentence)).toBe(quoted);
  });

  it.each<[string, string | null, boolean]>([
    ['As the league returns, harbourSPORT gets the action started at the port.', 'HarbourSport', true],
    ['Sign up to The Harbour Post’s newsletter for the ferry timetable.', 'The Harbour Post', true],
    ['Dock workers at the container port ended their strike on Wednesday.', 'Harbour Post', false],
    ['The new cables are wired to the harbour lights along the pier.', 'Wired', false],
    ['Dock workers ended their strike on Wednesday.', null, false],
  ])('reads %j as its outlet (%s) speaking of itself: %s', (sentence, source, own) => {
    expect(namesOwnOutlet(sentence, source)).toBe(own);
  });

  it.each([
    ['The 35 best couch co-op games for Nintendo Switch', true],
    ['Where to watch England vs South Africa: live stream, TV channel, lineups', true],
    ['Super Mario Bros. Wonder review: the joy of pure imagination', true],
    ['Republicans dump Jim Jordan as House Speaker nominee', false],
    ['Dock workers end port strike after pay deal', false],
  ])('reads %j as evergreen: %s', (headline, evergreen) => {
    expect(readsAsEvergreen(headline)).toBe(evergreen);
  });
});

describe('a briefing of news and guides', () => {
  const articles: ArticleInput[] = [
    {
      title: 'The 12 best rain jackets for autumn walks',
      source: 'Gear Weekly',
      publishedAt: '2026-05-01T12:00:00Z',
      body: 'Rain jackets for autumn walks come in every price range this season, and these twelve stood out in our tests.',
    },
    {
      title: 'Harbour bridge reopens after eight months of repairs',
      source: 'Coast Times',
      publishedAt: '2026-05-01T08:00:00Z',
      body: 'The Harbour Bridge reopened to traffic on Friday after eight months of repairs that cost fourteen million euros.',
    },
  ];
  const newsdesk = newsdeskWith(articles);

  it('puts the news first and a one-outlet guide after it, telling the news by its lede', async () => {
    const briefing = await newsdesk().briefing('g1', {
      since: new Date('2026-05-01T00:00:00Z'),
      until: new Date('2026-05-02T00:00:00Z'),
    });
    const headlines = [...briefing.stories, ...briefing.quickHits].map((story) => story.headline);
    expect(headlines).toEqual([
      'Harbour bridge reopens after eight months of repairs',
      'The 12 best rain jackets for autumn walks',
    ]);
    expect(briefing.stories[0]?.sentences[0]?.text).toBe(
      'The Harbour Bridge reopened to traffic on Friday after eight months of repairs that cost fourteen million euros.',
    );
  });
});
