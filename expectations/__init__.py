"""Great Expectations suites, one per table or mart: `<suite>.yml` with its query in `<suite>.sql`."""
