-- entity_aliases: the rows its suite (entity_aliases.yml) checks: one row per alias key.
-- Scope run: the run's new rows ($run_id), with table-wide counts computed here.
SELECT
  a.alias_key,
  a.entity_id,
  a.alias,
  (
    SELECT
      COUNT(*)
    FROM entity_aliases AS x
    WHERE
      x.alias_key = a.alias_key
  ) AS key_count,
  EXISTS(
    SELECT
      1
    FROM entities AS e
    WHERE
      e.entity_id = a.entity_id
  ) AS entity_exists
FROM entity_aliases AS a
WHERE
  a.run_id = $run_id
