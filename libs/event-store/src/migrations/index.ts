import { CreateEventStore1735689600000 } from './1735689600000-create-event-store';

/** The event store's migrations, in order; add them to the DataSource's `migrations`. */
export const eventStoreMigrations = [CreateEventStore1735689600000];
