-- int_entity_names — grain: one row per entity. Key: entity_id. Intermediate (not published).
-- What an entity is called and what it is, from all its mentions: a gazetteer entity keeps the
-- gazetteer's names and label; any other is named by its most frequent full form (a form of two
-- words or more if it has one: ভ্লাদিমির পুতিন over পুতিন, however often পুতিন alone is written),
-- or by the longest form holding that one whole, as a report names a person in full once and
-- shortly after (মো. জাহাঙ্গীর আলম চৌধুরী once, জাহাঙ্গীর আলম twice: the first), unless it only adds
-- a Muhammad before the name (মো. বেলাল হোসেন: বেলাল হোসেন stays, as English news mostly writes it),
-- with that form's English name and how it was made, and labelled by most of its mentions.
WITH forms AS (
    SELECT
        entity_id,
        name,
        any_value(name_latin)            AS name_latin,
        any_value(latin_method)          AS latin_method,
        count(*)                         AS n,
        len(string_split(name, ' '))     AS words,
        len(string_split(regexp_replace(name, '^((মো\.|মোঃ|মো:|মো|মোহাম্মদ|মুহাম্মদ|মোহাম্মাদ|মুহাম্মাদ|মোছা\.|মোসা\.|মোছাঃ|মোসাঃ) )+', ''), ' ')) AS core_words
    FROM entity_mentions
    WHERE entity_id IS NOT NULL AND name IS NOT NULL AND coalesce(form, 'name') <> 'adjective'
    GROUP BY entity_id, name
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY words > 1 DESC, n DESC, words DESC, name) AS rk
    FROM forms
), extended AS (
    SELECT f.entity_id, f.name, f.name_latin, f.latin_method,
           row_number() OVER (PARTITION BY f.entity_id ORDER BY f.words DESC, f.n DESC, f.name) AS rk
    FROM forms f
    JOIN ranked b ON b.entity_id = f.entity_id AND b.rk = 1
    WHERE f.core_words > b.core_words AND contains(' ' || f.name || ' ', ' ' || b.name || ' ')
), named AS (
    SELECT b.entity_id,
           CASE WHEN x.entity_id IS NULL THEN b.name ELSE x.name END                 AS name,
           CASE WHEN x.entity_id IS NULL THEN b.name_latin ELSE x.name_latin END     AS name_latin,
           CASE WHEN x.entity_id IS NULL THEN b.latin_method ELSE x.latin_method END AS latin_method
    FROM ranked b
    LEFT JOIN extended x ON x.entity_id = b.entity_id AND x.rk = 1
    WHERE b.rk = 1
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
LEFT JOIN named r ON r.entity_id = e.entity_id
LEFT JOIN labels l ON l.entity_id = e.entity_id AND l.rk = 1
