-- Every literal form.
SELECT 42, -7, 3.14, .5, 1e10, 1.5E-3, 0x1F, 1_000_000, 'it''s', E'tab\there\n', U&'d\0061t\+000061',
       $$dollar 'quoted'$$, $tag$with $$ inside$tag$, B'0101', X'1F', N'national', TRUE, FALSE, NULL,
       DATE '2024-01-01', timestamp with time zone '2024-01-01 00:00:00+00', interval '1 day', INTERVAL '2' hour,
       double precision '1.5', '{"a": 1}'::jsonb;

-- Operators, precedence, casts, subscripts and field selection.
SELECT a + b * c ^ 2 - d / e % f, x || y || z, -a::int, NOT a = b OR c AND d,
       data -> 'key' ->> 'sub', data #> '{a,b}', data #>> '{a}', tags @> ARRAY['x'], tags <@ $1, tags && $2,
       data ? 'k', data ?| ARRAY['a', 'b'], data ?& ARRAY['c'], flags & 4, flags | 1, flags # 2, 1 << 3, ~bits,
       arr[1], arr[2:3], arr[:n], (payload).field, (payload).*, (row_value).x.y,
       created_at AT TIME ZONE 'UTC', name COLLATE "C", CAST(amount AS numeric(10, 2)), price::numeric(12,4)[]
FROM t;

-- Predicates.
SELECT *
FROM t
WHERE a IS NULL AND b IS NOT NULL AND c ISNULL AND d NOTNULL
  AND e IS TRUE AND f IS NOT FALSE AND g IS UNKNOWN
  AND h IS DISTINCT FROM i AND j IS NOT DISTINCT FROM k
  AND l BETWEEN 1 AND 10 AND m NOT BETWEEN SYMMETRIC 10 AND 1
  AND n LIKE 'a%' AND o NOT ILIKE '%b' ESCAPE '!' AND p SIMILAR TO '(a|b)%'
  AND q IN (1, 2, 3) AND r NOT IN (SELECT x FROM u) AND s = ANY (ARRAY[1, 2]) AND t2 <> ALL (SELECT y FROM v)
  AND EXISTS (SELECT 1 FROM w WHERE w.id = t.id) AND NOT EXISTS (SELECT 1 FROM z)
  AND (SELECT max(v) FROM u) > 3 AND (period_start, period_end) OVERLAPS ($1, $2)
  AND name ~* '^dep' AND name !~ 'x$' AND doc @@ to_tsquery('english', 'deploy');

-- CASE, special functions, keyword functions and named arguments.
SELECT CASE WHEN status = 1 THEN 'created' WHEN status = 2 THEN 'running' ELSE 'other' END,
       CASE status WHEN 1 THEN true ELSE false END,
       EXTRACT(EPOCH FROM finished_at - started_at), POSITION('x' IN name), SUBSTRING(name FROM 2 FOR 3),
       substring(name, 1, 4), TRIM(BOTH ' ' FROM name), trim(name), COALESCE(a, b, 0), NULLIF(a, 0),
       GREATEST(a, b), LEAST(a, b), CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIMESTAMP(3), now(),
       make_interval(days => 3, hours := 4), string_agg(DISTINCT name, ', ' ORDER BY name),
       array_agg(id ORDER BY id DESC) FILTER (WHERE id > 0), ROW(1, 'a'), (1, 'a'), ARRAY(SELECT id FROM t),
       ARRAY[[1, 2], [3, 4]], count(t.*), pg_catalog.lower(name)
FROM t;

-- SQL/XML constructors, predicates and XMLTABLE.
SELECT xmlelement(name release, xmlattributes(r.id AS id, r.version), xmlforest(r.title, r.ref AS "git-ref"), r.notes),
       xmlconcat(r.notes, xmlpi(name build, r.sha)), xmlparse(content r.raw preserve whitespace),
       xmlroot(r.notes, version '1.0', standalone yes), xmlserialize(document r.notes AS text indent)
FROM releases r
WHERE xmlexists('//tag' PASSING BY REF r.notes) AND r.notes IS NOT DOCUMENT;

SELECT r.id, x.tag, x.n
FROM releases r,
     XMLTABLE(XMLNAMESPACES('http://example.com/r' AS rel), '/rel:release/tag' PASSING BY VALUE r.notes
              COLUMNS tag text PATH 'text()' DEFAULT 'none' NOT NULL, n FOR ORDINALITY) AS x;

-- Keywords as column, table and alias names.
SELECT name, status, action, ref, version, path, type, key, value, position, year, date, time, level, data, sha, iid
FROM data AS level
JOIN version ON version.key = level.value
WHERE position > 1 AND time < now() AND date = CURRENT_DATE
ORDER BY level.type, version.path;

-- All placeholder kinds.
SELECT * FROM t WHERE a = @named AND b = $1 AND c = :colon AND d = ? AND e::text = ? AND f = @p0;

/* Nested /* block */ comments */ SELECT 1 /* trailing */;
