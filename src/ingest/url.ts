/** Query parameters that only track the reader and never change the article. */
const TRACKING_PARAMETERS =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|smid|taid|guccounter)$/i;

/**
 * Normalise an article URL for de-duplication: lower-case host, no fragment, no tracking
 * parameters, no trailing slash. Returns undefined for anything that is not an http(s) URL.
 */
export function normalizeArticleUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETERS.test(name)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}
