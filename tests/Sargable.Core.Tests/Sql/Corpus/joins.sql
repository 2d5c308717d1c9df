SELECT *
FROM a
JOIN b ON b.a_id = a.id
INNER JOIN c ON c.b_id = b.id
LEFT JOIN d ON d.c_id = c.id
LEFT OUTER JOIN e ON e.d_id = d.id
RIGHT JOIN f ON f.e_id = e.id
RIGHT OUTER JOIN g ON g.f_id = f.id
FULL JOIN h ON h.g_id = g.id
FULL OUTER JOIN i USING (id)
CROSS JOIN j
NATURAL JOIN k
NATURAL LEFT JOIN l;

-- Comma-separated FROM list, ONLY, schema-qualified names, parenthesized joins.
SELECT p.id, n.path
FROM ONLY public.projects p, namespaces AS n, (environments e JOIN deployments d ON d.environment_id = e.id)
WHERE p.namespace_id = n.id AND e.project_id = p.id;

-- Set-returning functions in FROM.
SELECT t.id, t.ord, s.n, j.key, j.value
FROM unnest(@ids) WITH ORDINALITY AS t(id, ord)
CROSS JOIN generate_series(1, 10) AS s(n)
CROSS JOIN LATERAL json_each(@payload) AS j
LEFT JOIN LATERAL jsonb_to_recordset(t.meta) AS r(a integer, b text) ON true;
