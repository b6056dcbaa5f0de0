-- run once by the postgres:16 image on first start (infra/compose.yaml); the scripts' cluster
-- (infra/postgres/start.sh) creates the same role and databases.
ALTER ROLE verify CREATEDB;
CREATE DATABASE prefect OWNER verify;
