#!/bin/sh
# Runs once, when the database volume is new (postgres image: /docker-entrypoint-initdb.d).
# The service gets a role of its own that owns its database and nothing else: no superuser, no
# CREATEDB/CREATEROLE. The superuser from POSTGRES_USER stays with the operator, not the service.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v app_password="$ARREARS_DB_PASSWORD" <<'SQL'
CREATE ROLE arrears_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE arrears OWNER arrears_app;
SQL
