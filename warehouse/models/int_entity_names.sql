-- int_entity_names — grain: one row per entity. Key: entity_id. Intermediate (not published).
-- What an entity is called and what it is, from all its mentions: a gazetteer entity keeps the
-- gazetteer's names and label; any other is named by its most frequent full form (a form of two
-- words or more if it has one: ভ্লাদিমির পুতিন over পুতিন, however often পুতিন alone is written),
-- with that form's English name and how it was made, and labelled by most of its mentions.
WITH forms AS (
    SELECT
        entity_id,
        name,
        any_value(name_latin)            AS name_latin,
        any_value(latin_method)          AS latin_method,
        count(*)                         AS n,
        len(string_split(name, ' '))     AS words
    FROM entity_mentions
    WHERE entity_id IS NOT NULL AND name IS NOT NULL AND coalesce(form, 'name') <> 'adjective'
    GROUP BY entity_id, name
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY words > 1 DESC, n DESC, words DESC, name) AS rk
    FROM forms
), labels AS (
    SELECT entity_id, label, row_number() OVER (PARTITION BY entity_id ORDER BY count(*) DESC, label) AS rk
    FROM entity_mentions
    WHERE entity_id IS NOT NULL
    GROUP BY entity_id, label
)
SELECT
    e.entity_id,
    CASE WHEN e.source = 'gazetteer' THEN e.label ELSE coalesce(l.label, e.label) END                      AS label,
    CASE WHEN e.source = 'gazetteer' THEN e.canonical ELSE coalesce(r.name, e.canonical) END               AS canonical,
    CASE WHEN e.source = 'gazetteer' THEN e.canonical_latin ELSE coalesce(r.name_latin, e.canonical_latin) END AS canonical_latin,
    CASE WHEN e.source = 'gazetteer' THEN 'gazetteer' ELSE coalesce(r.latin_method, e.latin_method) END    AS latin_method,
    e.source
FROM entities e
LEFT JOIN ranked r ON r.entity_id = e.entity_id AND r.rk = 1
LEFT JOIN labels l ON l.entity_id = e.entity_id AND l.rk = 1
