-- int_near_duplicate_groups — grain: one row per document that has a near-duplicate. Key: document_id.
-- Intermediate (not published). Near-duplicate pairs joined into groups (a document, the ones it
-- nearly repeats, and theirs, in either direction); each group is named by its earliest document
-- (published first, then ingested first, then by id).
WITH RECURSIVE edges AS (
    SELECT document_id AS a, duplicate_of AS b FROM document_duplicates
    UNION
    SELECT duplicate_of AS a, document_id AS b FROM document_duplicates
), reach(document_id, other) AS (
    SELECT a, b FROM edges
    UNION
    SELECT r.document_id, e.b FROM reach r JOIN edges e ON e.a = r.other
), members AS (
    SELECT document_id, other FROM reach
    UNION
    SELECT document_id, document_id FROM reach
)
SELECT
    m.document_id,
    arg_min(o.document_id, (o.published_at IS NULL, o.published_at, o.ingested_at, o.document_id)) AS near_duplicate_group,
    count(*) - 1 AS near_duplicates
FROM members m
JOIN documents o ON o.document_id = m.other
GROUP BY m.document_id
