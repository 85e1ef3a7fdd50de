import { CreateEventStore1735689600000 } from './1735689600000-create-event-store';
import { EventsByCountyAndType1767000000000 } from './1767000000000-events-by-county-and-type';

/** The event store's migrations, in order; add them to the DataSource's `migrations`. */
export const eventStoreMigrations = [CreateEventStore1735689600000, EventsByCountyAndType1767000000000];
