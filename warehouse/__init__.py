"""Warehouse DDL (`schema.sql`) and mart models (`models/*.sql`). Run output written here in a checkout is git-ignored."""
