"""`python -m storage`: migrate the configured database (VERIFY_DATABASE_URL) to the latest schema.

Run once before starting several services, so they do not race to create the same tables.
"""

from storage.engine import make_engine
from storage.migrate import upgrade
from storage.settings import DatabaseSettings

url = DatabaseSettings().database_url
upgrade(make_engine(url))
print(f"database migrated: {url.split('@')[-1]}")
