// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import 'dotenv/config';
import { applyMigrations } from '../lib/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (npm start applies migrations to the embedded database by itself.)');
  process.exit(2);
}
applyMigrations(url).then(
  (names) => console.log(names.length ? `Applied: ${names.join(', ')}` : 'Database is up to date.'),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
