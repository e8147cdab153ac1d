/**
 * SharePoint: the documented examples of every site, list, column and list-item endpoint Trail calls
 * (see examples/sharepoint.json for the pages), replayed in order on the seeded site: the site is
 * found by path, a list is created on it, and the list-item examples run on that list.
 */
import { replayExamples } from './docExamples';

replayExamples('sharepoint.json', () => Promise.resolve({}));
