/**
 * Calendar: the documented examples of every calendar endpoint Trail calls (see examples/calendar.json
 * for the pages), replayed against the sandbox's seeded calendar. The calendar view example keeps an
 * event id for the "Get event" example.
 */
import { replayExamples } from './docExamples';

replayExamples('calendar.json', () => Promise.resolve({}));
