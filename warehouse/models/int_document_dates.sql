-- int_document_dates — grain: one row per document. Key: document_id. Intermediate (not published).
-- When and by whom each document was published, as analysts count it: the publisher's local
-- calendar day (NULL when the document is undated: never the ingestion day), the precision the
-- source gave (day | time), the month it falls in, and the publisher. Documents loaded before
-- khobor stored the local day get it from published_at in their first sighting's timezone
-- (their precision stays NULL until a --full-refresh).
SELECT
    d.document_id,
    d.published_at,
    coalesce(d.published_date, CAST(timezone(coalesce(s.timezone, 'UTC'), d.published_at) AS DATE)) AS published_date,
    d.published_precision,
    CAST(date_trunc('month', coalesce(d.published_date, CAST(timezone(coalesce(s.timezone, 'UTC'), d.published_at) AS DATE))) AS DATE) AS published_month,
    coalesce(d.publisher, s.publisher) AS publisher
FROM documents d
LEFT JOIN stg_documents s ON s.stg_id = d.stg_id
