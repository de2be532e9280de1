import { describe, expect, it } from 'vitest';
import { clusterStories, DEFAULT_CLUSTER_OPTIONS } from '../../src/briefing/cluster-stories.js';
import { nameVector, type ProfiledArticle, termVector } from '../../src/briefing/story-profile.js';

const sameVector = Float32Array.from({ length: 8 }, (_, index) => (index === 0 ? 1 : 0));

function profiled(id: string, title: string, lead: string): ProfiledArticle {
  const idf = () => 1;
  return {
    id,
    title,
    source: 'Sports Desk',
    url: null,
    publishedAt: Date.parse('2026-05-02T12:00:00Z'),
    lead,
    vector: sameVector,
    terms: termVector(title, lead, idf),
    names: nameVector(title, lead, idf),
  };
}

describe('clusterStories', () => {
  it('keeps two games of one league apart when they share a template but no team', () => {
    const stories = clusterStories(
      [
        profiled(
          'a',
          'Seahawks vs. Giants live score, updates, highlights',
          'The Seahawks beat the Giants on Monday night.',
        ),
        profiled('b', 'Chiefs vs. Jets live score, updates, highlights', 'The Chiefs beat the Jets on Sunday night.'),
        profiled(
          'c',
          'Giants fall to Seahawks in Monday night rout',
          'The Giants lost to the Seahawks 24-3 on Monday.',
        ),
      ],
      DEFAULT_CLUSTER_OPTIONS,
    );
    const ids = stories
      .map((story) =>
        story
          .map((article) => article.id)
          .sort()
          .join(','),
      )
      .sort();
    expect(ids).toEqual(['a,c', 'b']);
  });

  it('reads names from the headline and the lead, not from the first word of a sentence', () => {
    const names = nameVector('Giants fall to Seahawks', 'Yesterday the Giants lost. Fans left early.', () => 1);
    expect([...names.keys()].sort()).toEqual(['giant', 'seahawk']);
  });

  it('reads an opening word as a name when it is in the possessive or no ordinary word', () => {
    const names = nameVector("Israel's blockade of Gaza deepens", 'TwitchCon opened. Markets fell.', () => 1);
    expect([...names.keys()].sort()).toEqual(['gaza', 'israel', 'twitchcon']);
  });
});
